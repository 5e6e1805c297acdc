using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Applications;

/// <summary>What several Applications test classes arrange: units with users, the test consortium, its draft, audit actions.</summary>
public sealed class ApplicationScenario(JiebangHost host)
{
    /// <summary>An organisation of the registry with an applicant user of its own.</summary>
    public async Task<(Guid Organisation, string User)> UnitWithUserAsync(string first17, string name, string type, string standing = "Good",
        string? commercialisationBase = null)
    {
        var orgs = host.Services.GetRequiredService<OrganisationStore>();
        var users = host.Services.GetRequiredService<UserStore>();
        var user = Scenario.Unique("unit");
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code(first17), name, type, false, commercialisationBase: commercialisationBase);
            await connection.ExecuteAsync("UPDATE platform_organisation SET credit_standing = @S WHERE id = @Id", new { S = standing, org.Id }, tx);
            await users.CreateAsync(connection, tx, user, name + "用户", JiebangHost.Password, Roles.Applicant, org.Id, null, false);
            await tx.CommitAsync();
            return (org.Id, user);
        }
    }

    /// <summary>A user of <see cref="Cast.MemberOrg"/> (测试联合企业, 朝阳区), made once per host.</summary>
    public async Task<HttpClient> MemberUserAsync()
    {
        var users = host.Services.GetRequiredService<UserStore>();
        const string name = "member-user";
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_user WHERE user_name = @N", new { N = name }, tx) == 0)
            {
                await users.CreateAsync(connection, tx, name, "联合企业用户", JiebangHost.Password, Roles.Applicant, host.Cast.MemberOrg, null, false);
                await tx.CommitAsync();
            }
        }
        return await host.As(name);
    }

    public object[] Consortium(int leadShare = 7000) =>
    [
        new { organisationId = host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = leadShare },
        new { organisationId = host.Cast.MemberOrg, role = "Member", budgetShareBp = 10_000 - leadShare },
    ];

    public async Task<(JsonNode Challenge, JsonNode Batch, string Id)> ConsortiumDraftAsync()
    {
        var (challenge, batch) = await new Scenario(host).PublishedAsync();
        var applicant = await host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, Consortium())).Expect(HttpStatusCode.Created);
        return (challenge, batch, (string)draft["id"]!);
    }

    public async Task<List<string>> AuditActionsAsync(string id) =>
        (await (await host.As(Cast.TaskForce)).GetAsync($"/api/v1/audit?entityType=Application&entityId={id}").Expect(HttpStatusCode.OK))["items"]!
            .AsArray().Select(a => (string)a!["action"]!).Reverse().ToList();

    public async Task<Guid> OrganisationAsync(string first17, string name, string type, string? commercialisationBase = null,
        bool legalPerson = true, string standing = "Good", string? region = null)
    {
        var orgs = host.Services.GetRequiredService<OrganisationStore>();
        var (connection, tx) = await host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            var org = await orgs.EnsureAsync(connection, tx, Cast.Code(first17), name, type, false, commercialisationBase: commercialisationBase);
            await connection.ExecuteAsync("UPDATE platform_organisation SET independent_legal_person = @L, credit_standing = @S, region_code = @R " +
                "WHERE id = @Id",
                new { L = legalPerson, S = standing, R = region ?? org.RegionCode, org.Id }, tx);
            await tx.CommitAsync();
            return org.Id;
        }
    }
}
