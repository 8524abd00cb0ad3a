using System.Net;
using System.Text;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>Every mapped endpoint, probed with ids and bodies no client should send: none answers 5xx, and every
/// refusal has a body that says what was wrong, with no stack trace or path of the server in it.</summary>
[Collection(ApiCollection.Name)]
public sealed class EndpointProbeTests(ApiFixture api)
{
    // Not "%00": Kestrel refuses a path with a NUL before any of the app runs, with an empty 400 no app can change
    // (aspnet/KestrelHttpServer#2947).
    private static readonly string[] Ids = ["x", "0192f5a4-0000-7000-8000-000000000000", new string('9', 2000), "..%2F..%2Fetc", "%E2%80%AE", "%FF"];

    private static readonly (string Name, string? ContentType, byte[] Body)[] Bodies =
    [
        ("none", null, []),
        ("truncated", "application/json", "{\"seed\":"u8.ToArray()),
        ("array", "application/json", "[1,2,3]"u8.ToArray()),
        ("null", "application/json", "null"u8.ToArray()),
        ("huge number", "application/json", Encoding.UTF8.GetBytes($"{{\"seed\":1{new string('0', 400)},\"name\":1e999}}")),
        ("deep nesting", "application/json", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000))),
        ("wrong types", "application/json", """{"name":[],"tags":"x","note":{},"seed":true,"initial":"x","dataset":5}"""u8.ToArray()),
        ("bad utf-8", "application/json", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]),
        ("text", "text/plain", "{}"u8.ToArray()),
    ];

    /// <summary>What an error body must never show: a stack frame, a source line, or a path of this machine.</summary>
    private static readonly System.Text.RegularExpressions.Regex InternalDetail =
        new(@"\bat [\w.`<>]+\(|\.cs:line \d|/(work|root|home|usr|tmp)/", System.Text.RegularExpressions.RegexOptions.Compiled);

    private readonly HttpClient _api = api.CreateClient();

    [Fact]
    public async Task No_odd_id_or_body_gets_a_5xx_and_every_refusal_says_why()
    {
        var answers = new List<string>();
        foreach (var row in ApiDocumentTests.Endpoints)
        {
            var (method, template) = ((string)row[0], (string)row[1]);
            foreach (var id in template.Contains('{') ? Ids : [""])
            {
                var path = template.Replace("{id}", id).Replace("{predictionId}", id).Replace("{step}", "0");
                foreach (var (name, contentType, body) in method is "GET" or "DELETE" ? Bodies[..1] : Bodies)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (contentType is not null)
                    {
                        request.Content = new ByteArrayContent(body);
                        request.Content.Headers.ContentType = new(contentType);
                    }
                    using var response = await _api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var text = response.Content.Headers.ContentType?.MediaType is "text/event-stream" ? "" : await response.Content.ReadAsStringAsync();
                    answers.Add($"{method} {path[..Math.Min(60, path.Length)]} [{name}] → {(int)response.StatusCode}");
                    Assert.True((int)response.StatusCode < 500, $"{answers[^1]}: {text}");
                    if ((int)response.StatusCode >= 400)
                    {
                        Assert.False(string.IsNullOrWhiteSpace(text), $"{answers[^1]} has an empty body");
                        Assert.DoesNotMatch(InternalDetail, text);
                    }
                }
            }
        }
        Assert.True(answers.Count > 200, $"only {answers.Count} requests probed");
    }
}
