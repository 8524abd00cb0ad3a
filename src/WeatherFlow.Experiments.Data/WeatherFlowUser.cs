using Microsoft.AspNetCore.Identity;

namespace WeatherFlow.Experiments.Data;

/// <summary>An account: ASP.NET Core Identity's user, kept in the weatherdb beside the experiments.</summary>
public sealed class WeatherFlowUser : IdentityUser;
