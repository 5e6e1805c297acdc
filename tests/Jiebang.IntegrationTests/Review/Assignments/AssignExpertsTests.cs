using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Review.Assignments;

public abstract class AssignExpertsTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task An_expert_who_declared_a_conflict_with_the_project_lead_or_a_team_member_is_never_assigned_automatically_or_by_hand()
    {
        var review = new ReviewScenario(Host);
        var tf = await Host.As(Cast.TaskForce);
        var saved = Host.Clock.GetUtcNow();
        try
        {
            // Declared by the task force: the lead by name alone (other spacing), a member by name and organisation; and the
            // same name at another organisation, which is a different person.
            var leadByName = await review.ExpertAsync(people: [new { name = "王 明" }]);
            var teamMember = await review.ExpertAsync(people: [new { name = "li na", organisationId = Host.Cast.MemberOrg }]);
            var namesake = await review.ExpertAsync(people: [new { name = "王明", organisationId = Host.Cast.IssuerBOrg }]);
            var selfDeclared = await review.ExpertAsync();
            var clean1 = await review.ExpertAsync();
            var clean2 = await review.ExpertAsync();

            // The expert declares its own conflict with the project lead at the lead organisation.
            var self = await Host.As(selfDeclared.UserName);
            var profile = await self.GetAsync("/api/v1/review/me/expert").Expect(HttpStatusCode.OK);
            var etag = $"\"{(int)profile["version"]!}\"";
            await DatabaseSnapshot.Unchanged(Host, () => self.PutJson("/api/v1/review/me/expert/conflicts",
                new { declaredConflicts = Array.Empty<Guid>(), declaredPersonConflicts = new[] { new { name = "王明", organisationId = Guid.NewGuid() } } }, etag)
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            await DatabaseSnapshot.Unchanged(Host, () => self.PutJson("/api/v1/review/me/expert/conflicts",
                new { declaredConflicts = Array.Empty<Guid>(), declaredPersonConflicts = new[] { new { name = " " } } }, etag)
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
            var declared = await self.PutJson("/api/v1/review/me/expert/conflicts", new
            {
                declaredConflicts = Array.Empty<Guid>(),
                declaredPersonConflicts = new[] { new { name = "王明", organisationId = (Guid?)Host.Cast.ApplicantOrg }, new { name = "王明 ", organisationId = (Guid?)Host.Cast.ApplicantOrg } },
            }, etag).Expect(HttpStatusCode.OK);
            Assert.Equal("王明", (string?)Assert.Single(declared["declaredPersonConflicts"]!.AsArray())!["name"]);
            var audit = await tf.GetAsync($"/api/v1/audit?entityId={selfDeclared.Id}&action=DeclareConflicts").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);

            var item = await review.ApplicationItemAsync(team:
            [
                new { name = "王明", title = "教授", role = "项目负责人", organisationId = (Guid?)Host.Cast.ApplicantOrg },
                new { name = "Li Na", title = "高级工程师", role = "技术骨干", organisationId = (Guid?)null },
            ], members:
            [
                new { organisationId = Host.Cast.ApplicantOrg, role = "Lead", budgetShareBp = 7000 },
                new { organisationId = Host.Cast.MemberOrg, role = "Member", budgetShareBp = 3000 },
            ]);
            var outcome = await tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assign").Expect(HttpStatusCode.OK);
            Assert.Empty(outcome["short"]!.AsArray());
            Assert.Equal(new[] { namesake.Id, clean1.Id, clean2.Id }.Order(), ReviewScenario.Pairs(outcome).Select(p => p.Expert).Order());

            foreach (var conflicted in new[] { leadByName, teamMember, selfDeclared })
            {
                await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson($"/api/v1/review/rounds/{item.RoundId}/assignments",
                        new { itemId = item.ItemId, expertId = conflicted.Id, reason = "熟悉该方向" })
                    .ExpectProblem(HttpStatusCode.Conflict, "review.expert_conflicted"));
            }

            var board = await tf.GetAsync($"/api/v1/review/rounds/{item.RoundId}/board").Expect(HttpStatusCode.OK);
            Assert.Empty(board["short"]!.AsArray());
            var detail = await tf.GetAsync($"/api/v1/review/experts/{leadByName.Id}").Expect(HttpStatusCode.OK);
            Assert.Equal("王 明", (string?)Assert.Single(detail["declaredPersonConflicts"]!.AsArray())!["name"]);
        }
        finally
        {
            Host.Clock.SetUtcNow(saved);
        }
    }
}

public sealed class AssignExpertsTestsOnSqlite(SqliteHost host) : AssignExpertsTests(host), IClassFixture<SqliteHost>;
public sealed class AssignExpertsTestsOnPostgres(PostgresHost host) : AssignExpertsTests(host), IClassFixture<PostgresHost>;
public sealed class AssignExpertsTestsOnSqlServer(SqlServerHost host) : AssignExpertsTests(host), IClassFixture<SqlServerHost>;
