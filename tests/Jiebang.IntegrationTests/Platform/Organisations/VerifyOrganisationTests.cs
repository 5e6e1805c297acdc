using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Organisations;

public abstract partial class OrganisationsTests
{
    [Fact]
    public async Task The_task_force_verifies_a_record_as_it_stands_once_with_if_match_and_an_audit_record()
    {
        var applicant = await Host.As(Cast.Applicant);
        var registered = await applicant.PostJson(Url, new
        {
            creditCode = NewInstitutionCode("110108", "91"), name = Scenario.Unique("待核实企业"), type = "Enterprise", regionCode = "110108", independentLegalPerson = true,
        }).Expect(HttpStatusCode.Created);
        var id = (string)registered["id"]!;
        var tf = await Host.As(Cast.TaskForce);
        Assert.Equal("User", (string?)(await tf.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK))["registeredBy"]!["kind"]);

        await DatabaseSnapshot.Unchanged(Host, () => VerifyAsync(tf, id, null).ExpectProblem(HttpStatusCode.PreconditionRequired, "concurrency.if_match_required"));
        await DatabaseSnapshot.Unchanged(Host, () => VerifyAsync(tf, id, "\"3\"").ExpectProblem(HttpStatusCode.PreconditionFailed, "concurrency.version_mismatch"));
        await VerifyAsync(applicant, id, "\"1\"").Expect(HttpStatusCode.Forbidden);
        var verified = await VerifyAsync(tf, id, "\"1\"").Expect(HttpStatusCode.OK);
        Assert.True((bool)verified["verified"]!);
        Assert.Equal(registered["name"]!.ToString(), verified["name"]!.ToString());
        Assert.Equal(2, (int)verified["version"]!);
        // Verifying again changes nothing.
        var again = await DatabaseSnapshot.Unchanged(Host, () => VerifyAsync(tf, id, "\"2\"").Expect(HttpStatusCode.OK));
        Assert.Equal(2, (int)again["version"]!);
        Assert.True((bool)(await applicant.GetAsync($"{Url}/{id}").Expect(HttpStatusCode.OK))["verified"]!);

        var audit = await tf.GetAsync($"/api/v1/audit?entityType=Organisation&entityId={id}").Expect(HttpStatusCode.OK);
        Assert.Single(audit["items"]!.AsArray(), a => (string?)a!["action"] == "Verify");
    }
}
