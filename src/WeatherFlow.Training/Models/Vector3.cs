namespace WeatherFlow.Training.Models;

/// <summary>A point or direction in 3-D, in double precision for the mesh geometry.</summary>
internal readonly record struct Vector3(double X, double Y, double Z)
{
    public static Vector3 operator +(Vector3 a, Vector3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vector3 operator *(Vector3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public double Length => Math.Sqrt(Dot(this, this));

    public double Latitude => Math.Asin(Math.Clamp(Z, -1, 1));

    public double Longitude => Math.Atan2(Y, X);

    public Vector3 Normalized() => this * (1 / Length);

    public static double Dot(Vector3 a, Vector3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    public static Vector3 Cross(Vector3 a, Vector3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    /// <summary>The determinant of the 3×3 matrix with rows a, b, c.</summary>
    public static double Triple(Vector3 a, Vector3 b, Vector3 c) => Dot(a, Cross(b, c));

    public static Vector3 FromLatLon(double latitude, double longitude) =>
        new(Math.Cos(latitude) * Math.Cos(longitude), Math.Cos(latitude) * Math.Sin(longitude), Math.Sin(latitude));
}
