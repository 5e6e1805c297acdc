using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications.Applications;

public abstract partial class ApplicationTests
{
    [Fact]
    public async Task The_lead_cannot_swap_itself_out_of_the_consortium_by_an_update()
    {
        var (challenge, _, id) = await Apps.ConsortiumDraftAsync();
        var applicant = await Host.As(Cast.Applicant);
        var swap = ApplicationBodies.Changes(challenge, [new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 10_000 }]);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PutJson($"/api/v1/applications/{id}", swap, "\"1\"")
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));
        Assert.NotNull(problem["errors"]!["members"]);
        var stored = await applicant.GetAsync($"/api/v1/applications/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(Host.Cast.ApplicantOrg.ToString(), (string?)stored["members"]![0]!["organisationId"]);
        Assert.Equal("Lead", (string?)stored["members"]![0]!["role"]);
    }
}
