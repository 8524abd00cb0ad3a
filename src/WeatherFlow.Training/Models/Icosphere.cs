namespace WeatherFlow.Training.Models;

/// <summary>
/// A unit icosahedron refined <c>subdivisions</c> times (each triangle split in four, new vertices pushed onto the
/// sphere): 12, 42, 162 or 642 vertices for 0–3 subdivisions.
/// </summary>
internal sealed class Icosphere
{
    private static readonly int[][] BaseFaces =
    [
        [0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8],
        [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1],
    ];

    private Icosphere(List<Vector3> vertices, List<int[]> faces)
    {
        Vertices = vertices;
        Faces = faces;
    }

    public IReadOnlyList<Vector3> Vertices { get; }

    public IReadOnlyList<int[]> Faces { get; }

    public static Icosphere Create(int subdivisions)
    {
        var phi = (1 + Math.Sqrt(5)) / 2;
        var vertices = new List<Vector3>
        {
            new(-1, phi, 0), new(1, phi, 0), new(-1, -phi, 0), new(1, -phi, 0),
            new(0, -1, phi), new(0, 1, phi), new(0, -1, -phi), new(0, 1, -phi),
            new(phi, 0, -1), new(phi, 0, 1), new(-phi, 0, -1), new(-phi, 0, 1),
        };
        vertices = [.. vertices.Select(v => v.Normalized())];
        var faces = BaseFaces.Select(face => (int[])face.Clone()).ToList();
        for (var level = 0; level < subdivisions; level++)
        {
            faces = Subdivide(vertices, faces);
        }
        return new(vertices, faces);
    }

    /// <summary>Each vertex's neighbours along mesh edges, in ascending order.</summary>
    public int[][] Neighbours()
    {
        var sets = Vertices.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var face in Faces)
        {
            for (var corner = 0; corner < 3; corner++)
            {
                var (a, b) = (face[corner], face[(corner + 1) % 3]);
                sets[a].Add(b);
                sets[b].Add(a);
            }
        }
        return [.. sets.Select(set => set.ToArray())];
    }

    private static List<int[]> Subdivide(List<Vector3> vertices, List<int[]> faces)
    {
        var midpoints = new Dictionary<(int, int), int>();
        int Midpoint(int a, int b)
        {
            var key = a < b ? (a, b) : (b, a);
            if (!midpoints.TryGetValue(key, out var index))
            {
                index = vertices.Count;
                vertices.Add(((vertices[a] + vertices[b]) * 0.5).Normalized());
                midpoints[key] = index;
            }
            return index;
        }
        var refined = new List<int[]>(faces.Count * 4);
        foreach (var face in faces)
        {
            var (a, b, c) = (face[0], face[1], face[2]);
            var (ab, bc, ca) = (Midpoint(a, b), Midpoint(b, c), Midpoint(c, a));
            refined.AddRange([[a, ab, ca], [b, bc, ab], [c, ca, bc], [ab, bc, ca]]);
        }
        return refined;
    }
}
