using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace WeatherFlow.Web.Services;

/// <summary>The api's answer to a query the user typed: the value, or its refusal with every problem under the
/// name of the parameter or field it is about (a 400 or 422 ValidationProblem), so a page can show each one where
/// the user typed it.</summary>
public sealed record ApiAnswer<T>(T? Value, HttpStatusCode Status, string? Problem, IReadOnlyDictionary<string, string[]> Errors)
    where T : class
{
    public static ApiAnswer<T> Of(T value) => new(value, HttpStatusCode.OK, null, new Dictionary<string, string[]>());

    public static async Task<ApiAnswer<T>> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity
            && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(cancellationToken);
            if (problem is { Errors.Count: > 0 })
            {
                return new(null, response.StatusCode, problem.Title, problem.Errors.AsReadOnly());
            }
        }
        return new(null, response.StatusCode, await ApiErrorMessage.ReadAsync(response, cancellationToken), new Dictionary<string, string[]>());
    }

    /// <summary>Every problem as one line each, parameter first.</summary>
    public IEnumerable<string> Messages => Errors.Count > 0
        ? Errors.SelectMany(error => error.Value)
        : Problem is null ? [] : [Problem];
}
