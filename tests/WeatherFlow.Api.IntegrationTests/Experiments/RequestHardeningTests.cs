using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace WeatherFlow.Api.IntegrationTests.Experiments;

/// <summary>Requests an attacker or a broken client sends: each gets a clear 4xx, never a 500, and runs nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestHardeningTests(ApiFixture api)
{
    private readonly HttpClient _api = api.CreateClient();

    public static TheoryData<string?> NonJsonContentTypes => new()
    {
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "garbage", null,
    };

    /// <summary>A page on another site can send these without a CORS preflight; none may start an experiment.</summary>
    [Theory]
    [MemberData(nameof(NonJsonContentTypes))]
    public async Task Valid_body_sent_as_anything_but_json_gets_415_and_runs_nothing(string? contentType)
    {
        var newest = await NewestExperimentAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ExperimentRequests.Tiny(seed: 2901)));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, ExperimentsClient.Path) { Content = content };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        Assert.Equal(newest, await NewestExperimentAsync());
    }

    [Fact]
    public async Task Chunk_size_that_overflows_gets_400_problem_details()
    {
        var endpoint = api.Address;
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {ExperimentsClient.Path} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/json\r\n" +
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n"));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400 ", answer);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every endpoint that takes a body, with a body said to be 25 MB: refused before a byte of it is sent.</summary>
    [Theory]
    [InlineData("PATCH", "/api/experiments/{run}")]
    [InlineData("POST", "/api/experiments/{run}/predictions")]
    [InlineData("POST", "/api/experiments")]
    [InlineData("PUT", "/api/accounts/{account}/quota")]
    public async Task A_body_declared_past_the_limit_gets_413_before_it_is_sent(string method, string path)
    {
        var target = path.Replace("{run}", Guid.NewGuid().ToString()).Replace("{account}", api.AdminEmail);
        var (head, body) = await ExchangeAsync($"{method} {target} HTTP/1.1\r\nHost: {{host}}\r\n{Authorization()}" +
            "Content-Type: application/json\r\nContent-Length: 26214400\r\n\r\n", sendAfterHead: null);

        Assert.StartsWith("HTTP/1.1 413 ", head);
        Assert.Contains("\r\nContent-Type: application/problem+json", head);
        Assert.Contains("must not exceed 1048576 bytes", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
    }

    /// <summary>A chunked body says no length: it is cut off at the limit while the endpoint reads it.</summary>
    [Theory]
    [InlineData("PATCH", "/api/experiments/{run}")]
    [InlineData("POST", "/api/experiments/{run}/predictions")]
    public async Task A_chunked_body_past_the_limit_gets_413_problem_details(string method, string path)
    {
        var experiments = new ExperimentsClient(_api);
        var run = await experiments.StartAsync(ExperimentRequests.Tiny(seed: 2941), CancellationToken.None);
        var chunk = $"{{\"note\": \"{new string('a', 2 * 1024 * 1024)}\"}}";
        var (head, body) = await ExchangeAsync($"{method} {path.Replace("{run}", run.ToString())} HTTP/1.1\r\nHost: {{host}}\r\n{Authorization()}" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
            sendAfterHead: $"{Encoding.UTF8.GetByteCount(chunk):X}\r\n{chunk}\r\n0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 413 ", head);
        Assert.Contains("\r\nContent-Type: application/problem+json", head);
        Assert.Equal(413, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    private string Authorization() => $"Authorization: {_api.DefaultRequestHeaders.Authorization}\r\n";

    /// <summary>Sends a request's head (and then, if given, its body, as far as the server takes it) on a connection of
    /// its own, and reads the whole answer, without waiting for the connection to close.</summary>
    private async Task<(string Head, string Body)> ExchangeAsync(string head, string? sendAfterHead)
    {
        var endpoint = api.Address;
        using var timeout = TestTimeout.Requests();
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("{host}", endpoint.Authority)), timeout.Token);
        if (sendAfterHead is not null)
        {
            try
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(sendAfterHead), timeout.Token);
            }
            catch (IOException)
            {
                // The server answered and closed before it took the whole body: the answer is what counts.
            }
        }
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        while (true)
        {
            var text = answer.ToString();
            if (text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 && Complete(text[..end], text[(end + 4)..]) is { } body)
            {
                return (text[..end], body);
            }
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"The connection closed before a whole answer: {text}");
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    /// <summary>The answer's body once all of it has arrived, by its Content-Length or its chunks; null before.</summary>
    private static string? Complete(string head, string received)
    {
        if (!head.Contains("\r\nTransfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var length = int.Parse(head.Split("\r\n").Single(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))[15..]);
            return received.Length >= length ? received[..length] : null;
        }
        var body = new StringBuilder();
        for (var at = 0; received.IndexOf("\r\n", at, StringComparison.Ordinal) is var lineEnd and >= 0;)
        {
            var size = Convert.ToInt32(received[at..lineEnd], 16);
            if (size == 0)
            {
                return body.ToString();
            }
            if (received.Length < lineEnd + 2 + size + 2)
            {
                return null;
            }
            body.Append(received, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return null;
    }

    /// <summary>Requests Kestrel refuses before any of the api's code runs; {host} is the api's address.</summary>
    public static TheoryData<string, string, int> RequestsKestrelRefuses => new()
    {
        { "a garbage request line", "GARBAGE\r\n\r\n", 400 },
        { "a method with a space in it", "GE T /api/health HTTP/1.1\r\nHost: {host}\r\n\r\n", 400 },
        { "a NUL in the path", "GET /api/experiments/%00 HTTP/1.1\r\nHost: {host}\r\n\r\n", 400 },
        { "a Content-Length that is not a number", "POST /api/experiments HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}", 400 },
        { "two Content-Lengths that differ", "POST /api/experiments HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400 },
        { "a header line without a colon", "GET /api/health HTTP/1.1\r\nHost: {host}\r\nNoColonHere\r\n\r\n", 400 },
        { "no Host header", "GET /api/health HTTP/1.1\r\n\r\n", 400 },
        { "an unknown HTTP version", "GET /api/health HTTP/9.9\r\nHost: {host}\r\n\r\n", 505 },
        { "a request line past Kestrel's own limit", $"GET /api/{new string('a', 80 * 1024)} HTTP/1.1\r\nHost: {{host}}\r\n\r\n", 414 },
        { "headers past Kestrel's own limit", $"GET /api/health HTTP/1.1\r\nHost: {{host}}\r\nX-Padding: {new string('a', 300 * 1024)}\r\n\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(RequestsKestrelRefuses))]
    public async Task A_request_kestrel_refuses_itself_gets_problem_details(string name, string request, int status)
    {
        var endpoint = api.Address;
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request.Replace("{host}", endpoint.Authority)));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();

        var (head, body) = (answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)], answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.True(head.StartsWith($"HTTP/1.1 {status} ", StringComparison.Ordinal), $"{name}: {head}");
        Assert.Contains("\r\nContent-Type: application/problem+json\r\n", head);
        Assert.Contains("\r\nX-Content-Type-Options: nosniff\r\n", head);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", head);
        Assert.DoesNotContain("Server:", head);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), name);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), name);
    }

    /// <summary>A connection that served a request keeps being served, and an error after it is still rewritten.</summary>
    [Fact]
    public async Task A_bad_request_after_a_good_one_on_the_same_connection_gets_problem_details_and_the_good_one_its_answer()
    {
        var endpoint = api.Address;
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET /api/health HTTP/1.1\r\nHost: {endpoint.Authority}\r\n\r\nGET /api/%00 HTTP/1.1\r\nHost: {endpoint.Authority}\r\n\r\n"));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        var second = answer.IndexOf("HTTP/1.1 400 ", StringComparison.Ordinal);
        Assert.True(second > 0, answer);
        Assert.Contains("\"status\":400", answer[second..]);
        Assert.Contains("application/problem+json", answer[second..]);
    }

    [Fact]
    public async Task Ten_kilobyte_id_gets_414_problem_details()
    {
        using var response = await _api.GetAsync($"{ExperimentsClient.Path}/{new string('a', 10 * 1024)}");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The request line (method, target and version) must not exceed 8192 bytes.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sixty_four_kilobyte_header_gets_431_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Padding", new string('a', 64 * 1024));
        using var response = await _api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The request headers must not exceed 32768 bytes in all, nor 100 headers.", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Responses_say_nosniff_and_name_no_server()
    {
        foreach (var path in (string[])["/api/health", ExperimentsClient.Path, "/api/experiments/not-an-id", "/nonexistent"])
        {
            using var response = await _api.GetAsync(path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Server"), $"{path} names its server: {response.Headers.Server}");
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("201")]
    public async Task A_list_limit_that_is_not_a_whole_number_from_1_to_200_gets_400_naming_it(string limit)
    {
        using var response = await _api.GetAsync($"{ExperimentsClient.Path}?limit={Uri.EscapeDataString(limit)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("limit").EnumerateArray()).GetString();
        Assert.Equal($"limit must be a whole number from 1 to 200; got '{limit}'.", message);
    }

    [Fact]
    public async Task A_list_limit_in_range_caps_the_rows()
    {
        var experiments = new ExperimentsClient(_api);
        foreach (var seed in (int[])[2961, 2962, 2963])
        {
            await experiments.StartAsync(ExperimentRequests.Tiny(seed), CancellationToken.None);
        }

        using var list = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}?limit=2"));

        Assert.Equal(2, list.RootElement.GetArrayLength());
    }

    private async Task<string?> NewestExperimentAsync()
    {
        using var list = JsonDocument.Parse(await _api.GetStringAsync($"{ExperimentsClient.Path}?limit=1"));
        return list.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).FirstOrDefault();
    }
}
