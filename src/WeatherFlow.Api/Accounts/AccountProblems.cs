namespace WeatherFlow.Api.Accounts;

/// <summary>The bodies of 401 and 403, the same whichever scheme refused: a ProblemDetails that says what to send.</summary>
public static class AccountProblems
{
    public static Task UnauthorizedAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Send a personal access token (Authorization: Bearer wf_…); make one on the web's Tokens page. A revoked token no longer works.")
            .ExecuteAsync(context);
    }

    public static Task ForbiddenAsync(HttpContext context) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: $"Only an account in the '{WeatherFlowUser.AdminRole}' role may do this.")
            .ExecuteAsync(context);
}
