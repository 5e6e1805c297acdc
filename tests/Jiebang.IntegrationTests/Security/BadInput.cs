using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Applications.Attachments;

namespace Jiebang.IntegrationTests.Security;

/// <summary>
/// One malformed request: what was changed, and how to build it for the operation. Where the document says how the host
/// must answer, <see cref="Status"/> is that status (or <see cref="NotStatus"/> a status it must not be) and
/// <see cref="Field"/> the key the problem's <c>errors</c> must carry.
/// </summary>
public sealed record Mutation(string Name, Func<HttpRequestMessage> Build)
{
    public int? Status { get; init; }

    public int? NotStatus { get; init; }

    public string? Field { get; init; }

    /// <summary>What is wrong with the answer, or null when it is what the mutation expects.</summary>
    public string? Check(int status, string body)
    {
        if (Status is { } expected && status != expected)
        {
            return $"expected {expected}, got {status}";
        }
        if (NotStatus is { } forbidden && status == forbidden)
        {
            return $"must not answer {forbidden}";
        }
        if (Field is { } field && status >= 400)
        {
            var errors = (body.Length > 0 ? JsonNode.Parse(body) : null)?["errors"] as JsonObject;
            if (errors is null || !errors.ContainsKey(field))
            {
                return $"the problem's errors do not name {field}";
            }
        }
        return null;
    }
}

/// <summary>
/// Generates bad requests for one write operation from its request schema and a valid request: malformed JSON, wrong
/// types per property, missing required and extra fields, huge, empty, control-character and mixed-script strings,
/// edge numbers and dates, injection strings, bad route ids, bad Idempotency-Key and If-Match headers, hostile uploads.
/// <see cref="Contract"/>, <see cref="Bodyless"/> and <see cref="IdempotencyKeys"/> are the ones whose answer the
/// document decides (400 naming the field, never a bare 415), at every level of the body.
/// </summary>
/// <remarks>
/// <paramref name="emptyHeadersArrive"/>: the requests reach a real server (Kestrel), which passes a header sent with an
/// empty value on; the in-memory test server drops it, so an empty Idempotency-Key is only expected to be refused then.
/// </remarks>
public sealed class BadInput(ApiOperation op, string url, JsonNode? validBody, string? ifMatch, bool emptyHeadersArrive = false)
{
    // Raw JSON text that JsonNode cannot hold (numbers beyond every .NET type, lone surrogates) is spliced in after serialising.
    private const string RawMarker = "RAW\u2063";
    private readonly List<string> _raw = [];

    public static readonly string[] Injections =
    [
        "'; DROP TABLE platform_audit; --", "' OR '1'='1", "1; SELECT * FROM platform_user", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "${jndi:ldap://example/a}", "{{7*7}}",
    ];

    private static readonly string[] Strange =
    [
        "", " ", "\t\n", "\u0000\u0001\u0007\u001b[31m", "\u202eadmin\u202c", "a\u200d\u200b\u2060b", "😀🚀👩‍💻", "e\u0301\u0301\u0301",
        "العربية中文Ελληνικά", "\uFEFF", "\uFFFD\uFFFF",
    ];

    public IEnumerable<Mutation> All()
    {
        foreach (var m in MalformedBodies())
        {
            yield return m;
        }
        if (op.ContentType == "multipart/form-data")
        {
            foreach (var m in Uploads())
            {
                yield return m;
            }
        }
        if (validBody is JsonObject body && op.BodySchema is { } schema)
        {
            var resolved = op.Resolve(schema);
            foreach (var m in Properties(body, resolved, []))
            {
                yield return m;
            }
            yield return Json("extra fields", b =>
            {
                b["isAdmin"] = true;
                b["id"] = Guid.NewGuid().ToString();
                b["version"] = 99;
                b["status"] = "Approved";
                b["__proto__"] = new JsonObject { ["polluted"] = true };
            }) with { Status = 400 };
            yield return Json("every property null", b =>
            {
                foreach (var key in b.AsObject().Select(p => p.Key).ToList())
                {
                    b[key] = null;
                }
            });
        }
        foreach (var m in Contract().Concat(Bodyless()).Concat(IdempotencyKeys()))
        {
            yield return m;
        }
        foreach (var m in RouteIds())
        {
            yield return m;
        }
        foreach (var m in Headers())
        {
            yield return m;
        }
    }

    /// <summary>
    /// What the document declares about a JSON body, broken one thing at a time at every level the valid body reaches
    /// (nested objects and the first element of each list): a property it does not declare where additionalProperties is
    /// false, each required property left out, each integer or number sent as a string. Each must be a 400 naming the field.
    /// </summary>
    public IEnumerable<Mutation> Contract()
    {
        if (validBody is not JsonObject body || op.ContentType != "application/json" || op.BodySchema is not { } schema)
        {
            return [];
        }
        return Contract(body, op.Resolve(schema), []);
    }

    private IEnumerable<Mutation> Contract(JsonObject node, JsonObject schema, List<object> path)
    {
        if (path.Count > 4)
        {
            yield break;
        }
        if (schema["additionalProperties"] is JsonValue allowed && allowed.GetValueKind() == System.Text.Json.JsonValueKind.False)
        {
            List<object> unknown = [.. path, "undeclaredProperty"];
            yield return Json($"{Key(unknown)} not declared", b => ((JsonObject)Get(b, path)!)["undeclaredProperty"] = 1)
                with { Status = 400, Field = Key(unknown) };
        }
        foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
        {
            if (node.ContainsKey(required))
            {
                List<object> here = [.. path, required];
                yield return Json($"{Key(here)} left out", b => ((JsonObject)Get(b, path)!).Remove(required)) with { Status = 400, Field = Key(here) };
            }
        }
        foreach (var (name, propertySchema) in schema["properties"] as JsonObject ?? [])
        {
            var child = op.Resolve(propertySchema!);
            List<object> here = [.. path, name];
            switch (node[name], (string?)child["type"])
            {
                case (JsonValue number, "integer" or "number") when number.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                    yield return Json($"{Key(here)} as a string", b => Set(b, here, JsonValue.Create(number.ToJsonString())))
                        with { Status = 400, Field = Key(here) };
                    break;
                case (JsonObject inner, _) when child["properties"] is not null:
                    foreach (var m in Contract(inner, child, here))
                    {
                        yield return m;
                    }
                    break;
                case (JsonArray { Count: > 0 } list, "array") when child["items"] is { } items:
                    var element = op.Resolve(items);
                    List<object> first = [.. here, 0];
                    if (list[0] is JsonValue n && n.GetValueKind() == System.Text.Json.JsonValueKind.Number && (string?)element["type"] is "integer" or "number")
                    {
                        yield return Json($"{Key(first)} as a string", b => Set(b, first, JsonValue.Create(n.ToJsonString())))
                            with { Status = 400, Field = Key(first) };
                    }
                    else if (list[0] is JsonObject inner && element["properties"] is not null)
                    {
                        foreach (var m in Contract(inner, element, first))
                        {
                            yield return m;
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// No body and no Content-Type, as generated clients send an action whose body was left empty: read as the empty JSON
    /// object, so never a 415 to an operation that takes JSON (a 400 naming the first required field when the body has
    /// some), and a 415 problem to an upload.
    /// </summary>
    public IEnumerable<Mutation> Bodyless()
    {
        var mutation = new Mutation("no body and no Content-Type", () => Request(null));
        if (op.ContentType == "multipart/form-data")
        {
            yield return mutation with { Status = 415 };
            yield break;
        }
        var required = op.BodySchema is { } schema ? op.Resolve(schema)["required"]?.AsArray().Select(r => (string)r!).Order(StringComparer.Ordinal).ToList() ?? [] : [];
        yield return required.Count > 0 ? mutation with { Status = 400, Field = required[0] } : mutation with { NotStatus = 415 };
    }

    /// <summary>An Idempotency-Key that is sent but unusable (empty, blank, too long, twice): a 400 naming the header, never "no key".</summary>
    public IEnumerable<Mutation> IdempotencyKeys()
    {
        var declared = op.Node["parameters"]?.AsArray().Any(p => (string?)p!["name"] == "Idempotency-Key" && (string?)p["in"] == "header") == true;
        if (!declared)
        {
            yield break;
        }
        foreach (var (label, keys) in new (string, string[])[]
                 {
                     ("empty", [""]), ("blank", ["   "]), ("a tab", ["\t"]), ("201 characters", [new string('k', 201)]), ("sent twice", ["k-1", "k-2"]),
                 })
        {
            if (keys is [""] && !emptyHeadersArrive)
            {
                continue;
            }
            yield return new Mutation($"Idempotency-Key {label}", () =>
            {
                var request = Request(BodyContent());
                foreach (var key in keys)
                {
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
                }
                return request;
            }) with { Status = 400, Field = "Idempotency-Key" };
        }
    }

    private static string Key(List<object> path) =>
        string.Concat(path.Select((step, i) => step is int index ? $"[{index}]" : (i == 0 ? "" : ".") + step));

    private IEnumerable<Mutation> MalformedBodies()
    {
        string[] texts =
        [
            "{", "{\"a\":", "[]", "null", "\"text\"", "12", "{\"x\":1,,}", "{'single':'quotes'}", "{\"a\":1}{\"b\":2}",
            new string('[', 600) + new string(']', 600), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 301),
        ];
        foreach (var text in texts)
        {
            yield return new Mutation($"malformed JSON {Short(text)}", () => Request(Content(text)));
        }
        if (validBody is not null)
        {
            var valid = validBody.ToJsonString();
            yield return new Mutation("truncated JSON", () => Request(Content(valid[..(valid.Length / 2)])));
            yield return new Mutation("JSON as text/plain", () => Request(new StringContent(valid, Encoding.UTF8, "text/plain")));
            yield return new Mutation("invalid UTF-8", () =>
            {
                var bytes = Encoding.UTF8.GetBytes(valid).ToList();
                bytes.InsertRange(Math.Max(valid.IndexOf(':', StringComparison.Ordinal) + 2, 0), new byte[] { 0xC3, 0x28, 0xFF });
                var content = new ByteArrayContent(bytes.ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return Request(content);
            });
        }
        yield return new Mutation("empty body", () => Request(Content("")));
    }

    private IEnumerable<Mutation> Properties(JsonNode body, JsonObject schema, List<object> path)
    {
        if (path.Count > 3 || schema["properties"] is not JsonObject properties)
        {
            yield break;
        }
        foreach (var (name, propertySchema) in properties)
        {
            var child = op.Resolve(propertySchema!);
            var here = new List<object>(path) { name };
            foreach (var (label, value) in Values(child))
            {
                yield return Json($"{string.Join('.', here)} = {label}", b => Set(b, here, value()));
            }
            var current = Get(body, here);
            if (current is JsonObject && child["properties"] is not null)
            {
                foreach (var m in Properties(body, child, here))
                {
                    yield return m;
                }
            }
            else if (current is JsonArray { Count: > 0 } array && array[0] is JsonObject && child["items"] is { } items)
            {
                foreach (var m in Properties(body, op.Resolve(items), [.. here, 0]))
                {
                    yield return m;
                }
            }
        }
    }

    /// <summary>Bad values for one property, by its schema.</summary>
    private IEnumerable<(string Label, Func<JsonNode?> Value)> Values(JsonObject schema)
    {
        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        if (schema["enum"] is JsonArray values)
        {
            yield return ("unknown enum", () => "NoSuchValue");
            yield return ("enum in lower case", () => ((string)values[0]!).ToLowerInvariant());
            yield return ("enum as number", () => 99);
            yield return ("empty enum", () => "");
            yield break;
        }
        switch (type, format)
        {
            case ("string", "uuid"):
                yield return ("not a guid", () => "not-a-guid");
                yield return ("empty guid", () => Guid.Empty.ToString());
                yield return ("unknown guid", () => Guid.NewGuid().ToString());
                yield return ("guid as number", () => 1);
                break;
            case ("string", "date"):
                foreach (var d in new[] { "0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "26-1-1", "2026-11-28T10:00:00+25:00", "" })
                {
                    yield return ($"date {d}", () => d);
                }
                break;
            case ("string", "date-time"):
                foreach (var d in new[] { "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "2026-11-28T10:00:00+25:00", "2026-11-28T24:61:00Z", "2026-11-28", "yesterday" })
                {
                    yield return ($"date-time {d}", () => d);
                }
                break;
            case ("string", "binary"):
                break;
            case ("string", _):
                var max = (int?)schema["maxLength"];
                yield return ("100k characters", () => new string('长', 100_000));
                if (max is { } m)
                {
                    yield return ($"maxLength+1 ({m + 1})", () => new string('x', m + 1));
                }
                foreach (var text in Strange)
                {
                    yield return ($"string {Short(text)}", () => text);
                }
                yield return ("lone surrogate", () => Raw("\"a\\ud800b\""));
                yield return ("reversed surrogates", () => Raw("\"\\udc00\\ud800\""));
                foreach (var text in Injections)
                {
                    yield return ($"injection {Short(text)}", () => text);
                }
                yield return ("string as number", () => 12345);
                yield return ("string as object", () => new JsonObject());
                break;
            case ("integer", _):
            case ("number", _):
                foreach (var (label, raw) in new[]
                {
                    ("-1", "-1"), ("0", "0"), ("long.MaxValue", long.MaxValue.ToString(CultureInfo.InvariantCulture)),
                    ("long.MinValue", long.MinValue.ToString(CultureInfo.InvariantCulture)), ("2^63", "9223372036854775808"), ("1e308", "1e308"),
                    ("-1e308", "-1e308"), ("1e400", "1e400"), ("30 digits", "0.123456789012345678901234567890"),
                    ("30-digit integer", "123456789012345678901234567890"), ("1.5", "1.5"), ("-0", "-0"),
                })
                {
                    yield return ($"number {label}", () => Raw(raw));
                }
                yield return ("number as string", () => "12");
                yield return ("NaN", () => "NaN");
                yield return ("number as bool", () => true);
                break;
            case ("boolean", _):
                yield return ("bool as string", () => "yes");
                yield return ("bool as number", () => 1);
                break;
            case ("array", _):
                yield return ("empty array", () => new JsonArray());
                yield return ("array of null", () => new JsonArray(null, null));
                yield return ("array as string", () => "x");
                yield return ("10,000 elements", () => new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create(i.ToString(CultureInfo.InvariantCulture))).ToArray()));
                break;
            default:
                yield return ("object as array", () => new JsonArray());
                yield return ("object as string", () => "x");
                yield return ("empty object", () => new JsonObject());
                break;
        }
        yield return ("null", () => null);
    }

    private IEnumerable<Mutation> RouteIds()
    {
        foreach (var name in op.PathParameters)
        {
            foreach (var bad in new[] { "not-a-guid", Guid.Empty.ToString(), "..%2F..%2Fetc%2Fpasswd", "1%3BDROP%20TABLE%20x", new string('9', 2000) })
            {
                yield return new Mutation($"route {name} = {Short(bad)}", () =>
                {
                    var request = Request(BodyContent());
                    var segments = op.Path.Split('/');
                    var index = Array.IndexOf(segments, "{" + name + "}");
                    var actual = url.Split('?')[0].Split('/');
                    actual[index] = bad;
                    request.RequestUri = new Uri(string.Join('/', actual), UriKind.Relative);
                    return request;
                });
            }
        }
    }

    private IEnumerable<Mutation> Headers()
    {
        if (op.Method == "POST")
        {
            foreach (var key in new[] { "", new string('k', 10_000), "a\u0001b", "'; DROP TABLE platform_idempotency; --" })
            {
                yield return new Mutation($"Idempotency-Key {Short(key)}", () =>
                {
                    var request = Request(BodyContent());
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
                    return request;
                });
            }
        }
        if (op.Statuses.Contains(412) || op.Statuses.Contains(428))
        {
            foreach (var tag in new[] { "garbage", "\"-1\"", "W/\"99999999999999999999\"", "*", "\"\"", "\"1\", \"2\"" })
            {
                yield return new Mutation($"If-Match {tag}", () =>
                {
                    var request = Request(BodyContent(), withVersion: false);
                    request.Headers.TryAddWithoutValidation("If-Match", tag);
                    return request;
                });
            }
        }
    }

    private IEnumerable<Mutation> Uploads()
    {
        foreach (var name in new[] { "../../../../etc/passwd", "..\\..\\boot.ini", "a\u0000b.pdf", "<script>alert(1)</script>.pdf", new string('名', 5000) + ".pdf", ".pdf", "con.pdf", "\u202egpj.pdf" })
        {
            yield return new Mutation($"upload named {Short(name)}", () => Request(File(name, TestFiles.Pdf())));
        }
        yield return new Mutation("upload empty file", () => Request(File("a.pdf", [])));
        yield return new Mutation("upload executable named .pdf", () => Request(File("a.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0, 0xFF, 0xFF])));
        yield return new Mutation("upload beyond the limit", () => Request(File("big.pdf", TestFiles.Pdf(padTo: (int)Infrastructure.JiebangHost.AttachmentMaxBytes + 1))));
        yield return new Mutation("upload without a file part", () => Request(new MultipartFormDataContent { { new StringContent("x"), "note" } }));
        yield return new Mutation("upload with two files", () =>
        {
            var form = File("a.pdf", TestFiles.Pdf());
            var second = new ByteArrayContent(TestFiles.Pdf());
            second.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(second, "file", "b.pdf");
            return Request(form);
        });
        yield return new Mutation("upload with a broken multipart boundary", () =>
        {
            var content = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4", Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=abc");
            return Request(content);
        });
    }

    private static MultipartFormDataContent File(string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { file, "file", "placeholder" } };
        // The file name goes out exactly as given (HttpClient would otherwise quote and encode it).
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + name.Replace("\"", "", StringComparison.Ordinal) + "\"" };
        return form;
    }

    private Mutation Json(string name, Action<JsonNode> change) => new(name, () =>
    {
        _raw.Clear();
        var body = validBody!.DeepClone();
        change(body);
        var text = body.ToJsonString();
        for (var i = 0; i < _raw.Count; i++)
        {
            text = text.Replace($"\"{RawMarker}{i}\"", _raw[i], StringComparison.Ordinal);
        }
        return Request(Content(text));
    });

    private JsonNode Raw(string text)
    {
        _raw.Add(text);
        return JsonValue.Create($"{RawMarker}{_raw.Count - 1}");
    }

    private HttpContent? BodyContent() =>
        op.ContentType == "multipart/form-data" ? File("a.pdf", TestFiles.Pdf())
        : validBody is not null ? Content(validBody.ToJsonString())
        : op.Method == "POST" ? Content("{}") : null;

    private HttpRequestMessage Request(HttpContent? content, bool withVersion = true)
    {
        var request = new HttpRequestMessage(new HttpMethod(op.Method), url) { Content = content };
        if (withVersion && ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    private static StringContent Content(string text) => new(text, Encoding.UTF8, "application/json");

    private static JsonNode? Get(JsonNode node, List<object> path)
    {
        JsonNode? current = node;
        foreach (var step in path)
        {
            current = step is string key ? current?[key] : current?[(int)step];
        }
        return current;
    }

    private static void Set(JsonNode node, List<object> path, JsonNode? value)
    {
        var parent = Get(node, path[..^1]);
        switch (parent, path[^1])
        {
            case (JsonObject o, string key):
                o[key] = value;
                break;
            case (JsonArray a, int index) when index < a.Count:
                a[index] = value;
                break;
        }
    }

    private static string Short(string text)
    {
        var printable = new string(text.Select(c => char.IsControl(c) ? '·' : c).ToArray());
        return printable.Length <= 24 ? printable : printable[..24] + "…";
    }
}
