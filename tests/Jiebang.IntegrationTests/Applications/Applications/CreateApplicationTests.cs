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
    public async Task An_applicant_cannot_draft_an_application_whose_only_member_is_another_organisation_and_nothing_is_stored()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var attack = ApplicationBodies.Complete(challenge, [new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 10_000 }]);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", attack)
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));
        Assert.NotNull(problem["errors"]!["members"]);

        // Listing itself, but as a mere member behind another lead, is the same swap.
        var behind = ApplicationBodies.Complete(challenge,
        [
            new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 9000 },
            new { organisationId = Host.Cast.ApplicantOrg, role = "Member", budgetShareBp = 1000 },
        ]);
        await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", behind)
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));

        // A district key: the leadOrganisationId it names must be the Lead member too.
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        await DatabaseSnapshot.Unchanged(Host, () => district.PostJson("/api/v1/applications",
                ApplicationBodies.Complete(challenge, [new { organisationId = Host.Cast.MemberOrg, role = "Lead", budgetShareBp = 10_000 }],
                    lead: Host.Cast.ApplicantOrg))
            .ExpectProblem(HttpStatusCode.BadRequest, "application.lead_must_be_applicant"));
        var tf = await Host.As(Cast.TaskForce);
        Assert.Equal(0, (int)(await tf.GetAsync($"/api/v1/applications?challenge={challenge["id"]}").Expect(HttpStatusCode.OK))["total"]!);
    }

    [Fact]
    public async Task A_district_key_naming_a_lead_outside_its_district_or_an_unknown_id_gets_the_same_answer()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var district = Host.WithApiKey(Host.Cast.DistrictKey);   // 海淀区; the member organisation is in 朝阳区
        async Task<string> RefusalAsync(Guid lead)
        {
            var problem = await DatabaseSnapshot.Unchanged(Host, () => district.PostJson("/api/v1/applications",
                    ApplicationBodies.Complete(challenge, [new { organisationId = lead, role = "Lead", budgetShareBp = 10_000 }], lead: lead))
                .ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
            return (string)problem["detail"]!;
        }
        Assert.Equal(await RefusalAsync(Host.Cast.MemberOrg), await RefusalAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Before_the_window_opens_drafting_and_submitting_are_refused_as_not_yet_open_saying_when_it_opens()
    {
        var today = DateOnly.FromDateTime(Host.Clock.GetUtcNow().AddHours(8).DateTime);
        var (challenge, batch) = await Scenario.PublishedAsync(await Scenario.BatchAsync(today.AddDays(3), today.AddDays(30)));
        var applicant = await Host.As(Cast.Applicant);
        var problem = await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge))
            .ExpectProblem(HttpStatusCode.Conflict, "application.window_not_open"));
        Assert.Contains(today.AddDays(3).ToString("yyyy-MM-dd"), (string?)problem["detail"]);

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["opensAt"]!).AddMinutes(1));
            var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
            Host.Clock.SetUtcNow(saved);
            await DatabaseSnapshot.Unchanged(Host, () => applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit")
                .ExpectProblem(HttpStatusCode.Conflict, "application.window_not_open"));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}
