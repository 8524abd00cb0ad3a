using static TorchSharp.torch;

namespace WeatherFlow.Training.Models;

/// <summary>
/// Sparse interpolation between an H×W lat/lon grid (cell centres, longitude wrapping) and the icosphere:
/// grid→mesh samples each vertex bilinearly from its 4 surrounding cells; mesh→grid weights each cell by the
/// barycentric coordinates of the mesh triangle its centre falls in. Each direction is a gather plus a weighted sum.
/// </summary>
internal sealed class GridMeshMapping : IDisposable
{
    private GridMeshMapping(Tensor toMeshIndex, Tensor toMeshWeight, Tensor toGridIndex, Tensor toGridWeight)
    {
        (ToMeshIndex, ToMeshWeight, ToGridIndex, ToGridWeight) = (toMeshIndex, toMeshWeight, toGridIndex, toGridWeight);
    }

    /// <summary>[V·4] flat grid indices and [V, 4, 1] weights.</summary>
    public Tensor ToMeshIndex { get; }

    public Tensor ToMeshWeight { get; }

    /// <summary>[H·W·3] vertex indices and [H·W, 3, 1] weights.</summary>
    public Tensor ToGridIndex { get; }

    public Tensor ToGridWeight { get; }

    public static GridMeshMapping Create(Icosphere mesh, int height, int width)
    {
        var (meshIndex, meshWeight) = GridToMesh(mesh, height, width);
        var (gridIndex, gridWeight) = MeshToGrid(mesh, height, width);
        // Cached for the model's lifetime, so they must outlive the dispose scope of the batch that first needs them.
        return new(
            tensor(meshIndex).DetachFromDisposeScope(),
            tensor(meshWeight).view(-1, 4, 1).DetachFromDisposeScope(),
            tensor(gridIndex).DetachFromDisposeScope(),
            tensor(gridWeight).view(-1, 3, 1).DetachFromDisposeScope());
    }

    /// <summary>[B, H·W, D] → [B, V, D].</summary>
    public Tensor ToMesh(Tensor gridFeatures) => Gather(gridFeatures, ToMeshIndex, ToMeshWeight, 4);

    /// <summary>[B, V, D] → [B, H·W, D].</summary>
    public Tensor ToGrid(Tensor meshFeatures) => Gather(meshFeatures, ToGridIndex, ToGridWeight, 3);

    public void Dispose()
    {
        ToMeshIndex.Dispose();
        ToMeshWeight.Dispose();
        ToGridIndex.Dispose();
        ToGridWeight.Dispose();
    }

    private static Tensor Gather(Tensor features, Tensor index, Tensor weight, int fanIn)
    {
        var (batch, depth) = (features.shape[0], features.shape[2]);
        var gathered = features.index_select(1, index).view(batch, -1, fanIn, depth);
        return (gathered * weight).sum(2);
    }

    private static (long[] Index, float[] Weight) GridToMesh(Icosphere mesh, int height, int width)
    {
        var index = new long[mesh.Vertices.Count * 4];
        var weight = new float[index.Length];
        for (var v = 0; v < mesh.Vertices.Count; v++)
        {
            var row = Math.Clamp((mesh.Vertices[v].Latitude + Math.PI / 2) / (Math.PI / height) - 0.5, 0, height - 1);
            var column = (mesh.Vertices[v].Longitude + Math.PI) / (2 * Math.PI / width) - 0.5;
            var (r0, c0) = ((int)Math.Floor(row), (int)Math.Floor(column));
            var (wr, wc) = (row - r0, column - c0);
            var (r1, c1) = (Math.Min(r0 + 1, height - 1), c0 + 1);
            (c0, c1) = (Wrap(c0, width), Wrap(c1, width));
            var corners = new (int Row, int Column, double Weight)[]
            {
                (r0, c0, (1 - wr) * (1 - wc)), (r0, c1, (1 - wr) * wc), (r1, c0, wr * (1 - wc)), (r1, c1, wr * wc),
            };
            for (var k = 0; k < 4; k++)
            {
                index[v * 4 + k] = corners[k].Row * (long)width + corners[k].Column;
                weight[v * 4 + k] = (float)corners[k].Weight;
            }
        }
        return (index, weight);
    }

    private static (long[] Index, float[] Weight) MeshToGrid(Icosphere mesh, int height, int width)
    {
        var index = new long[height * width * 3];
        var weight = new float[index.Length];
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var point = Vector3.FromLatLon(-Math.PI / 2 + (row + 0.5) * Math.PI / height, -Math.PI + (column + 0.5) * 2 * Math.PI / width);
                var (face, barycentric) = ContainingFace(mesh, point);
                var cell = (row * width + column) * 3;
                for (var k = 0; k < 3; k++)
                {
                    index[cell + k] = face[k];
                    weight[cell + k] = (float)barycentric[k];
                }
            }
        }
        return (index, weight);
    }

    /// <summary>The face whose cone holds the point (the largest smallest coordinate), with normalised barycentric weights.</summary>
    private static (int[] Face, double[] Weights) ContainingFace(Icosphere mesh, Vector3 point)
    {
        var (bestFace, bestWeights, bestMinimum) = (mesh.Faces[0], new double[3], double.NegativeInfinity);
        foreach (var face in mesh.Faces)
        {
            var (a, b, c) = (mesh.Vertices[face[0]], mesh.Vertices[face[1]], mesh.Vertices[face[2]]);
            var determinant = Vector3.Triple(a, b, c);
            double[] coordinates = [Vector3.Triple(point, b, c) / determinant, Vector3.Triple(a, point, c) / determinant, Vector3.Triple(a, b, point) / determinant];
            var minimum = coordinates.Min();
            if (minimum > bestMinimum)
            {
                var clamped = coordinates.Select(x => Math.Max(x, 0)).ToArray();
                var total = clamped.Sum();
                (bestFace, bestWeights, bestMinimum) = (face, [.. clamped.Select(x => x / total)], minimum);
            }
        }
        return (bestFace, bestWeights);
    }

    private static int Wrap(int column, int width) => ((column % width) + width) % width;
}
