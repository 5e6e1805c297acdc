using Jiebang.IntegrationTests.Security;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>
/// Compares the headers a success response really carries with those its operation documents: ETag and Location must
/// be documented exactly when they are sent; Idempotent-Replayed must be documented when it is sent (a first response
/// does not carry it). The authorisation matrix runs this on every success it sees.
/// </summary>
public static class DocumentedHeaders
{
    private static readonly string[] Exact = ["ETag", "Location"];

    public static IEnumerable<string> Mismatches(ApiOperation op, HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = op.Node["responses"]?[status]?["headers"]?.AsObject().Select(h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase)
                         ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        bool Sent(string name) => response.Headers.NonValidated.Contains(name) || response.Content.Headers.NonValidated.Contains(name);
        foreach (var name in Exact.Append("Idempotent-Replayed"))
        {
            if (Sent(name) && !documented.Contains(name))
            {
                yield return $"{status} sends {name} but the document does not say so";
            }
        }
        foreach (var name in Exact)
        {
            if (!Sent(name) && documented.Contains(name))
            {
                yield return $"{status} documents {name} but does not send it";
            }
        }
    }
}
