namespace WeatherFlow.Api.Http;

/// <summary>The reference server's liveness answer, <c>{"status":"ok"}</c>; readiness is <c>/health</c>.</summary>
public sealed record ApiHealth(string Status)
{
    public static readonly ApiHealth Ok = new("ok");
}
