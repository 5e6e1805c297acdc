using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Demo;
using Jiebang.Platform.Writes;
using Jiebang.Review.Contracts;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Demo;

/// <summary>
/// Labelled demo data for review: an expert profile for each demo expert account (expert1–3), one affiliated with the demo
/// university and one declaring a conflict with the demo project lead 王明, so the conflict rule can be seen at work; and a
/// draft need-review round with a rubric, ready for challenges the task force sends to need review. Nothing here is real.
/// </summary>
internal sealed class ReviewDemoSeeder(WritePath writes) : IDemoSeeder
{
    public const string Label = "演示数据";

    public int Order => 30;

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

    public async Task SeedAsync(CancellationToken ct) => await writes.ExecuteAsync(Caller.SystemFor("DemoData"), async w =>
    {
        if (await w.ExecuteScalarAsync<int>(Data.AnyDemo, new { IsDemo = true }) > 0)
        {
            return false;
        }
        foreach (var e in Experts)
        {
            var userId = await w.QuerySingleOrDefaultAsync<Guid?>(Data.UserByName, new { e.UserName, Role = Roles.Expert });
            var affiliation = e.AffiliationCode is null ? null
                : await w.QuerySingleOrDefaultAsync<Guid?>(Data.OrganisationByCode, new { Code = e.AffiliationCode });
            var id = Guid.CreateVersion7();
            await w.ExecuteAsync(Data.InsertExpert, new
            {
                Id = id, UserId = userId, e.Name, e.Title, Fields = ExpertStore.FormatFields(e.Fields), AffiliationOrganisationId = affiliation,
                Active = true, IsDemo = true, w.Now,
            });
            await ExpertStore.ReplacePeopleAsync(w.Connection, w.Transaction, id, e.People.Select(p => new PersonConflict { Name = p }));
            if (userId is { } user)
            {
                await UserStore.LinkExpertAsync(w.Connection, w.Transaction, user, id);
            }
            await w.AuditAsync(ExpertStore.Module, ExpertStore.Entity, id, "SeedDemoData",
                new { e.Name, e.UserName, fields = e.Fields.Select(f => f.ToString()), affiliation, declaredPersonConflicts = e.People, label = Label });
        }
        await DraftRoundAsync(w);
        return true;
    }, ct);

    private static async Task DraftRoundAsync(Write w)
    {
        var id = Guid.CreateVersion7();
        var name = $"【演示】下一批次需求论证（{Label}）";
        await w.ExecuteAsync(Data.InsertRound, new
        {
            Id = id, Kind = nameof(ReviewRoundKind.NeedReview), Name = name, Status = nameof(ReviewRoundStatus.Draft),
            OpensAt = w.Now.AddDays(7), ClosesAt = w.Now.AddDays(14), Visibility = nameof(ReviewVisibility.SealedUntilClose), IsDemo = true, w.Now,
        });
        await w.ExecuteAsync(Data.InsertCriterion, new[]
        {
            new { RoundId = id, Ordinal = 1, Name = "卡点紧迫性 / Urgency of the bottleneck", WeightHundredths = 40, ThresholdHundredths = (int?)6000 },
            new { RoundId = id, Ordinal = 2, Name = "技术指标明确可验证 / Clear, verifiable indicators", WeightHundredths = 35, ThresholdHundredths = (int?)null },
            new { RoundId = id, Ordinal = 3, Name = "采购承诺可信 / Credible procurement commitment", WeightHundredths = 25, ThresholdHundredths = (int?)null },
        });
        await w.AuditAsync(RoundStore.Module, RoundStore.Entity, id, "SeedDemoData", new { name, label = Label });
    }
}
