using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Funding;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Review;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Feed;

/// <summary>An event reaches a caller only if that caller may open its resource (the GET of the resource answers 200).</summary>
public abstract class FeedAudienceTests(JiebangHost host) : HostTests(host)
{
    private static Task<List<string>> ReceivedAsync(HttpClient client, object resourceId) => FeedFollower.ReceivedAsync(client, resourceId);

    private static async Task<HttpStatusCode> OpenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }

    /// <summary>An enterprise registered by the task force in <paramref name="region"/>.</summary>
    private async Task<Guid> OrganisationAsync(string region)
    {
        var random = Guid.NewGuid().ToByteArray();
        var code = Cast.Code("91" + region + "MA" + new string(random.Take(7).Select(b => CreditCode.Alphabet[b % CreditCode.Alphabet.Length]).ToArray()));
        var tf = await Host.As(Cast.TaskForce);
        var created = await tf.PostJson("/api/v1/organisations", new
        {
            creditCode = code, name = Scenario.Unique("测试单位"), type = "Enterprise", regionCode = region, independentLegalPerson = true,
        }).Expect(HttpStatusCode.Created);
        return Guid.Parse((string)created["id"]!);
    }

    private async Task<HttpClient> UserAsync(string role, Guid organisation)
    {
        var userName = Scenario.Unique(role.ToLowerInvariant());
        var users = Host.Services.GetRequiredService<UserStore>();
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            await users.CreateAsync(connection, tx, userName, userName, JiebangHost.Password, role, organisation, null, false);
            await tx.CommitAsync();
        }
        return await Host.As(userName);
    }

    private async Task<HttpClient> DistrictKeyAsync(string district)
    {
        var users = Host.Services.GetRequiredService<UserStore>();
        await using var connection = await Host.Db.OpenAsync();
        return Host.WithApiKey(await users.CreateApiKeyAsync(connection, null, Scenario.Unique("区级门户"), district, false));
    }

    private static object[] Consortium(Guid lead, Guid member) =>
    [
        new { organisationId = lead, role = "Lead", budgetShareBp = 7000 },
        new { organisationId = member, role = "Member", budgetShareBp = 3000 },
    ];

    [Fact]
    public async Task An_application_led_in_one_district_with_a_member_in_another_reaches_the_keys_of_both_and_no_third_district()
    {
        var lead = await OrganisationAsync("110114");
        var member = await OrganisationAsync("110108");
        var leadsKey = await DistrictKeyAsync("110114");
        var (challenge, _) = await Scenario.PublishedAsync();
        var created = await leadsKey.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, Consortium(lead, member), lead: lead))
            .Expect(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await Consortia.ConfirmAllAsync(Host, id);
        await leadsKey.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);
        var url = $"/api/v1/applications/{id}";

        Assert.Equal(["application.status_changed"], await ReceivedAsync(leadsKey, id));
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(leadsKey, url));

        // 朝阳区 covers neither the lead (昌平区) nor the member (海淀区): it may not open the application and hears nothing of it.
        var third = Host.WithApiKey(Host.Cast.OtherDistrictKey);
        Assert.Empty(await ReceivedAsync(third, id));
        Assert.Equal(HttpStatusCode.NotFound, await OpenAsync(third, url));

        // A district key may read an application when its district covers the lead's region or any member's, so the member's
        // district (海淀区) receives the event too, and may open the application.
        var membersKey = Host.WithApiKey(Host.Cast.DistrictKey);
        Assert.Equal(["application.status_changed"], await ReceivedAsync(membersKey, id));
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(membersKey, url));

        // The member's own applicant users receive it and may open it.
        var memberUser = await UserAsync(Roles.Applicant, member);
        Assert.Equal(["application.status_changed"], await ReceivedAsync(memberUser, id));
        Assert.Equal(HttpStatusCode.OK, await OpenAsync(memberUser, url));
    }

    [Fact]
    public async Task Users_of_a_consortium_member_in_a_role_that_may_not_open_the_application_receive_none_of_its_events()
    {
        // Issuer B's organisation joins the applicant's consortium; issuer B's users still may not open the application.
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var created = await applicant.PostJson("/api/v1/applications",
            ApplicationBodies.Complete(challenge, Consortium(Host.Cast.ApplicantOrg, Host.Cast.IssuerBOrg))).Expect(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await Consortia.ConfirmAllAsync(Host, id);
        await applicant.PostJson($"/api/v1/applications/{id}/submit").Expect(HttpStatusCode.OK);

        var issuerB = await Host.As(Cast.IssuerB);
        Assert.Equal(HttpStatusCode.NotFound, await OpenAsync(issuerB, $"/api/v1/applications/{id}"));
        Assert.Empty(await ReceivedAsync(issuerB, id));
        Assert.Equal(["application.status_changed"], await ReceivedAsync(applicant, id));
    }

    [Fact]
    public async Task An_issuer_receives_no_application_event_while_applications_are_sealed_nor_later_for_one_it_may_not_open()
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var issuer = await Host.As(Cast.IssuerA);
        var submitted = (string)(await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created))["id"]!;
        await applicant.PostJson($"/api/v1/applications/{submitted}/submit").Expect(HttpStatusCode.OK);
        var withdrawn = (string)(await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created))["id"]!;
        await applicant.PostJson($"/api/v1/applications/{withdrawn}/submit").Expect(HttpStatusCode.OK);
        await applicant.PostJson($"/api/v1/applications/{withdrawn}/withdraw", new { reason = "改投其他需求" }).Expect(HttpStatusCode.OK);
        Assert.Equal(["application.status_changed"], await ReceivedAsync(applicant, submitted));
        Assert.Equal(["application.status_changed", "application.status_changed"], await ReceivedAsync(applicant, withdrawn));

        // Sealed until the deadline: the issuer may open neither and receives nothing about either.
        foreach (var id in new[] { submitted, withdrawn })
        {
            Assert.Equal(HttpStatusCode.NotFound, await OpenAsync(issuer, $"/api/v1/applications/{id}"));
            Assert.Empty(await ReceivedAsync(issuer, id));
        }

        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(DateTimeOffset.Parse((string)batch["closesAt"]!, System.Globalization.CultureInfo.InvariantCulture).AddMinutes(1));
            // The withdrawn application stays closed to the issuer after the deadline, and so do the events written while sealed.
            Assert.Equal(HttpStatusCode.NotFound, await OpenAsync(issuer, $"/api/v1/applications/{withdrawn}"));
            Assert.Empty(await ReceivedAsync(issuer, withdrawn));
            Assert.Empty(await ReceivedAsync(issuer, submitted));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }

    [Fact]
    public async Task A_signed_agreement_reaches_the_users_of_its_parties_and_no_district_key()
    {
        // A new enterprise of 海淀区 leads (the cast's applicant stays free of agreements for the other tests' applications).
        var funding = new FundingScenario(Host);
        var (batchId, selected) = await funding.SelectedAsync(1);
        var tf = await Host.As(Cast.TaskForce);
        await tf.PutJson($"/api/v1/batches/{batchId}/funding-policy", FundingScenario.Policy(10_000_000L)).Expect(HttpStatusCode.Created);
        var agreement = await tf.PostJson("/api/v1/agreements", FundingScenario.Agreement(selected[0].ApplicationId)).Expect(HttpStatusCode.Created);
        var id = (string)agreement["id"]!;
        var url = $"/api/v1/agreements/{id}";

        foreach (var party in new[] { await Host.As(Cast.IssuerA), await UserAsync(Roles.Applicant, selected[0].LeadOrganisationId) })
        {
            Assert.Equal(["agreement.signed"], await ReceivedAsync(party, id));
            Assert.Equal(HttpStatusCode.OK, await OpenAsync(party, url));
        }
        // 海淀区 covers both parties but a district key may not open agreements.
        foreach (var key in new[] { Host.WithApiKey(Host.Cast.DistrictKey), Host.WithApiKey(Host.Cast.OtherDistrictKey) })
        {
            Assert.NotEqual(HttpStatusCode.OK, await OpenAsync(key, url));
            Assert.Empty(await ReceivedAsync(key, id));
        }
        Assert.Empty(await ReceivedAsync(await Host.As(Cast.IssuerB), id));
        Assert.Empty(await ReceivedAsync(await Host.As(Cast.Applicant), id));
    }

    [Fact]
    public async Task A_publicised_round_reaches_the_users_of_its_parties_and_no_district_key()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var batch = await Scenario.OpenBatchAsync();
        var challengeId = await review.ChallengeUnderReviewAsync(Guid.Parse((string)batch["id"]!), Cast.IssuerA);
        await review.ExpertAsync();
        var now = Host.Clock.GetUtcNow();
        var round = await tf.PostJson("/api/v1/review/rounds", ReviewScenario.RoundBody("NeedReview", now, expertsPerItem: 1, maxLoad: 50))
            .Expect(HttpStatusCode.Created);
        var roundId = (string)round["id"]!;
        var itemId = (string)(await tf.PostJson($"/api/v1/review/rounds/{roundId}/items", new { subjectId = challengeId }).Expect(HttpStatusCode.OK))["items"]!
            .AsArray().Single()!["id"]!;
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/assign").Expect(HttpStatusCode.OK);
        await tf.PostJson($"/api/v1/review/rounds/{roundId}/open-scoring").Expect(HttpStatusCode.OK);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(now.AddDays(3));
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/close").Expect(HttpStatusCode.OK);
            await tf.PutJson($"/api/v1/review/rounds/{roundId}/items/{itemId}/decision", new { outcome = "Pass", reason = "论证通过" }).Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/decide").Expect(HttpStatusCode.OK);
            await tf.PostJson($"/api/v1/review/rounds/{roundId}/publicise").Expect(HttpStatusCode.OK);
            var url = $"/api/v1/review/rounds/{roundId}/publication";

            var issuerA = await Host.As(Cast.IssuerA);
            Assert.Equal(["review.round_publicised"], await ReceivedAsync(issuerA, roundId));
            Assert.Equal(HttpStatusCode.OK, await OpenAsync(issuerA, url));
            // 海淀区 covers issuer A, but a district key may not open a round's publication.
            foreach (var key in new[] { Host.WithApiKey(Host.Cast.DistrictKey), Host.WithApiKey(Host.Cast.OtherDistrictKey) })
            {
                Assert.NotEqual(HttpStatusCode.OK, await OpenAsync(key, url));
                Assert.Empty(await ReceivedAsync(key, roundId));
            }
            var issuerB = await Host.As(Cast.IssuerB);
            Assert.Empty(await ReceivedAsync(issuerB, roundId));
            Assert.Empty(await ReceivedAsync(await Host.As(Cast.Expert), roundId));
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class FeedAudienceTestsOnSqlite(SqliteHost host) : FeedAudienceTests(host), IClassFixture<SqliteHost>;

public sealed class FeedAudienceTestsOnPostgres(PostgresHost host) : FeedAudienceTests(host), IClassFixture<PostgresHost>;

public sealed class FeedAudienceTestsOnSqlServer(SqlServerHost host) : FeedAudienceTests(host), IClassFixture<SqlServerHost>;
