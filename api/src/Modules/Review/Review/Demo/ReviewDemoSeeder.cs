using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Demo;
using Jiebang.Review.Contracts;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Demo;

/// <summary>
/// Labelled demo data for review: an expert profile for each demo expert account (expert1–3), one affiliated with the demo
/// university and one declaring a conflict with the demo project lead 王明, so the conflict rule can be seen at work; and a
/// draft need-review round with a rubric, ready for challenges the task force sends to need review. Nothing here is real.
/// </summary>
internal sealed class ReviewDemoSeeder(DbConnectionFactory db, AuditWriter audit, TimeProvider clock) : IDemoSeeder
{
    public const string Label = "演示数据";

    public int Order => 30;

    private const string AnyDemo = "SELECT COUNT(*) FROM review_expert WHERE is_demo = @IsDemo";

    private const string OrganisationByCode = "SELECT id FROM platform_organisation WHERE credit_code = @Code";

    private const string UserByName = "SELECT id FROM platform_user WHERE user_name = @UserName AND role = @Role";

    private const string InsertExpert = """
        INSERT INTO review_expert (id, user_id, name, title, fields, affiliation_organisation_id, active, is_demo, created_at, updated_at, version)
        VALUES (@Id, @UserId, @Name, @Title, @Fields, @AffiliationOrganisationId, @Active, @IsDemo, @Now, @Now, 1)
        """;

    private const string InsertRound = """
        INSERT INTO review_round (id, kind, name, status, pass_threshold_hundredths, experts_per_item, max_load, spread_limit_hundredths,
            scoring_opens_at, scoring_closes_at, visibility, is_demo, created_at, updated_at, version)
        VALUES (@Id, @Kind, @Name, @Status, 6000, 3, 10, 2000, @OpensAt, @ClosesAt, @Visibility, @IsDemo, @Now, @Now, 1)
        """;

    private const string InsertCriterion = """
        INSERT INTO review_criterion (round_id, ordinal, name, weight_hundredths, max_score, threshold_hundredths)
        VALUES (@RoundId, @Ordinal, @Name, @WeightHundredths, 100, @ThresholdHundredths)
        """;

    private sealed record DemoExpert(string UserName, string Name, string Title, ChallengeField[] Fields, string? AffiliationCode, string[] People);

    private static readonly DemoExpert[] Experts =
    [
        new("expert1", $"张立（{Label}）", "教授", [ChallengeField.IntegratedCircuits, ChallengeField.ArtificialIntelligence, ChallengeField.SmartManufacturing],
            DemoAccounts.ApplicantUniversity, []),
        new("expert2", $"陈静（{Label}）", "正高级工程师", [ChallengeField.MedicalDevices, ChallengeField.Biomedicine, ChallengeField.InnovativeDrugs],
            null, []),
        new("expert3", $"刘洋（{Label}）", "研究员", [ChallengeField.SmartManufacturing, ChallengeField.NewMaterials, ChallengeField.IntegratedCircuits],
            null, [$"王明（{Label}）"]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            if (await connection.ExecuteScalarAsync<int>(AnyDemo, new { IsDemo = true }, tx) > 0)
            {
                return;
            }
            var now = clock.GetUtcNow();
            var actor = Caller.SystemFor("DemoData");
            foreach (var e in Experts)
            {
                var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(UserByName, new { e.UserName, Role = Roles.Expert }, tx);
                var affiliation = e.AffiliationCode is null ? null
                    : await connection.QuerySingleOrDefaultAsync<Guid?>(OrganisationByCode, new { Code = e.AffiliationCode }, tx);
                var id = Guid.CreateVersion7();
                await connection.ExecuteAsync(InsertExpert, new
                {
                    Id = id, UserId = userId, e.Name, e.Title, Fields = ExpertStore.FormatFields(e.Fields), AffiliationOrganisationId = affiliation,
                    Active = true, IsDemo = true, Now = now,
                }, tx);
                await ExpertStore.ReplacePeopleAsync(connection, tx, id, e.People.Select(p => new PersonConflict { Name = p }));
                if (userId is { } user)
                {
                    await UserStore.LinkExpertAsync(connection, tx, user, id);
                }
                await audit.WriteAsync(connection, tx, actor, ExpertStore.Module, ExpertStore.Entity, id, "SeedDemoData",
                    new { e.Name, e.UserName, fields = e.Fields.Select(f => f.ToString()), affiliation, declaredPersonConflicts = e.People, label = Label });
            }
            await DraftRoundAsync(connection, tx, actor, now);
            await tx.CommitAsync(ct);
        }
    }

    private async Task DraftRoundAsync(DbConnection connection, DbTransaction tx, Caller actor, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7();
        var name = $"【演示】下一批次需求论证（{Label}）";
        await connection.ExecuteAsync(InsertRound, new
        {
            Id = id, Kind = nameof(ReviewRoundKind.NeedReview), Name = name, Status = nameof(ReviewRoundStatus.Draft),
            OpensAt = now.AddDays(7), ClosesAt = now.AddDays(14), Visibility = nameof(ReviewVisibility.SealedUntilClose), IsDemo = true, Now = now,
        }, tx);
        await connection.ExecuteAsync(InsertCriterion, new[]
        {
            new { RoundId = id, Ordinal = 1, Name = "卡点紧迫性 / Urgency of the bottleneck", WeightHundredths = 40, ThresholdHundredths = (int?)6000 },
            new { RoundId = id, Ordinal = 2, Name = "技术指标明确可验证 / Clear, verifiable indicators", WeightHundredths = 35, ThresholdHundredths = (int?)null },
            new { RoundId = id, Ordinal = 3, Name = "采购承诺可信 / Credible procurement commitment", WeightHundredths = 25, ThresholdHundredths = (int?)null },
        }, tx);
        await audit.WriteAsync(connection, tx, actor, RoundStore.Module, RoundStore.Entity, id, "SeedDemoData", new { name, label = Label });
    }
}
