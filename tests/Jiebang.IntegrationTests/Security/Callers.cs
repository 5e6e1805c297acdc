using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Security;

/// <summary>Every kind of caller the authorisation matrix runs each operation as, by its column name in the table.</summary>
public static class Callers
{
    public static readonly string[] Columns = ["anon", "tf", "issA", "issB", "appA", "appB", "expA", "expB", "aud", "keyIn", "keyOut"];

    public static readonly IReadOnlyDictionary<string, string> Meaning = new Dictionary<string, string>
    {
        ["anon"] = "anonymous",
        ["tf"] = "task force",
        ["issA"] = "issuer of the resource",
        ["issB"] = "another issuer",
        ["appA"] = "applicant owning the resource",
        ["appB"] = "another applicant",
        ["expA"] = "assigned expert",
        ["expB"] = "unassigned expert",
        ["aud"] = "auditor",
        ["keyIn"] = "district key inside the resource's district (海淀区)",
        ["keyOut"] = "district key outside it (朝阳区)",
    };

    public static async Task<Dictionary<string, HttpClient>> SignInAsync(JiebangHost host, SecurityScenario s) => new()
    {
        ["anon"] = host.Anonymous(),
        ["tf"] = await host.As(Cast.TaskForce),
        ["issA"] = await host.As(Cast.IssuerA),
        ["issB"] = await host.As(Cast.IssuerB),
        ["appA"] = await host.As(Cast.Applicant),
        ["appB"] = await host.As(SecurityScenario.OtherApplicant),
        ["expA"] = await host.As(s.AssignedExpertUser),
        ["expB"] = await host.As(s.UnassignedExpertUser),
        ["aud"] = await host.As(Cast.Auditor),
        ["keyIn"] = host.WithApiKey(host.Cast.DistrictKey),
        ["keyOut"] = host.WithApiKey(host.Cast.OtherDistrictKey),
    };
}
