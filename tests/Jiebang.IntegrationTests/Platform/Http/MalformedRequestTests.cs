using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Http;

/// <summary>
/// A body the server cannot even read (here: chunked framing that is not chunked framing) is the caller's fault: a 400
/// problem <c>request.malformed</c>, never a 500, and nothing stored. Only Kestrel reads the framing, so these hosts serve
/// over a socket and the request is written by hand (HttpClient always frames correctly).
/// </summary>
public abstract class MalformedRequestTests(JiebangHost host) : HostTests(host)
{
    private static async Task<(int Status, string ContentType, string Body)> SendRawAsync(Uri server, string head, string body)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, deadline.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head + "\r\n" + body), deadline.Token);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, deadline.Token); // Connection: close — the server ends the answer by closing
        var bytes = received.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(split > 0, "No HTTP answer: " + Encoding.UTF8.GetString(bytes));
        var headers = Encoding.ASCII.GetString(bytes, 0, split).Split("\r\n");
        var status = int.Parse(headers[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        string Header(string name) => headers.Skip(1).Select(h => h.Split(':', 2))
            .Where(h => h[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h[1].Trim()).FirstOrDefault() ?? "";
        var content = bytes.AsSpan(split + 4);
        var decoded = new MemoryStream();
        if (Header("Transfer-Encoding").Equals("chunked", StringComparison.OrdinalIgnoreCase))
        {
            // Each chunk: its size in hex, CRLF, the bytes, CRLF; a size of 0 ends the body.
            for (var line = content.IndexOf("\r\n"u8); line > 0; line = content.IndexOf("\r\n"u8))
            {
                var size = Convert.ToInt32(Encoding.ASCII.GetString(content[..line]).Split(';')[0], 16);
                if (size == 0)
                {
                    break;
                }
                decoded.Write(content.Slice(line + 2, size));
                content = content[(line + 2 + size + 2)..];
            }
        }
        else
        {
            decoded.Write(content);
        }
        var text = Encoding.UTF8.GetString(decoded.ToArray());
        return (status, Header("Content-Type").Split(';')[0], text);
    }

    [Fact]
    public async Task A_body_whose_chunked_framing_is_broken_is_a_malformed_request_and_stores_nothing()
    {
        var tf = await Host.As(Cast.TaskForce);
        var server = tf.BaseAddress!;
        var head = string.Join("\r\n",
            "POST /api/v1/programmes HTTP/1.1",
            $"Host: {server.Authority}",
            $"Authorization: {tf.DefaultRequestHeaders.Authorization}",
            "Content-Type: application/json",
            "Transfer-Encoding: chunked",
            "Connection: close",
            "");
        const string broken = "zz\r\n{\"code\":\"P-X\"}\r\n0\r\n\r\n";

        var (status, contentType, body) = await DatabaseSnapshot.Unchanged(Host, () => SendRawAsync(server, head, broken));

        Assert.True(status == (int)HttpStatusCode.BadRequest, $"Expected 400, got {status}: {body}");
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("request.malformed", (string?)JsonNode.Parse(body)!["code"]);
    }
}

public sealed class MalformedRequestTestsOnSqlite(SqliteOverSocketsHost host) : MalformedRequestTests(host), IClassFixture<SqliteOverSocketsHost>;
public sealed class MalformedRequestTestsOnPostgres(PostgresOverSocketsHost host) : MalformedRequestTests(host), IClassFixture<PostgresOverSocketsHost>;
