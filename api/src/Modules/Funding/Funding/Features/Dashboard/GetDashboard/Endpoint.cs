using Dapper;
using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Funding.Data;
using Jiebang.Funding.Domain;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Mediator;

namespace Jiebang.Funding.Features.Dashboard.GetDashboard;

internal sealed class Endpoint(DbConnectionFactory db, ISender sender) : EndpointWithoutRequest<Dashboard>
{
    public override void Configure()
    {
        Get("/api/v1/programmes/{programmeId:guid}/dashboard");
        Roles(Platform.Auth.Roles.TaskForce, Platform.Auth.Roles.Auditor);
        Description(b => b.Api("Funding_GetDashboard", "Funding",
                "强链工程看板 / The programme dashboard",
                "Task force and auditors. Consortia formed against the programme's target, challenges awarded and unawarded per batch, money committed, " +
                "paid and remaining by batch and by field (sums of the ledger), median days from publication to signing, procurement realised. A fixed " +
                "number of queries whatever the programme's size.")
            .Ok<Dashboard>().Problems(401, 403, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var overview = await sender.Send(new GetProgrammeOverview(Route<Guid>("programmeId")), ct);
        if (overview is null)
        {
            await Send.ResultAsync(Problems.NotFound("programme"));
        }
        else
        {
            await Send.OkAsync(await FiguresAsync(overview, ct), ct);
        }
    }

    private async Task<Dashboard> FiguresAsync(ProgrammeOverview overview, CancellationToken ct)
    {
        List<AgreementFigures> agreements;
        HashSet<Guid> withMembers;
        Dictionary<Guid, ProcurementFigures> procurements;
        Dictionary<Guid, long> budgets;
        await using (var connection = await db.OpenAsync(ct))
        {
            var batchIds = overview.Batches.Select(b => b.Id).ToHashSet();
            agreements = (await connection.QueryAsync<AgreementFigures>(Data.Agreements)).Where(a => batchIds.Contains(a.BatchId)).ToList();
            withMembers = (await connection.QueryAsync<Guid>(Data.WithMembers, new { Member = nameof(PartyRole.Member) })).ToHashSet();
            procurements = (await connection.QueryAsync<ProcurementFigures>(Data.Procurements)).ToDictionary(p => p.AgreementId);
            budgets = (await connection.QueryAsync<BudgetRow>(Data.Budgets)).ToDictionary(b => b.BatchId, b => b.TotalBudgetFen);
        }
        var challenges = overview.PublishedChallenges.ToDictionary(c => c.Id);

        var consortia = new ConsortiaFigures(agreements.Select(a => a.IssuerOrganisationId).Distinct().Count(), overview.TargetConsortia,
            overview.TargetYear, agreements.Count, agreements.Count(a => withMembers.Contains(a.Id)));

        var byBatch = agreements.ToLookup(a => a.BatchId);
        var batches = overview.Batches.Select(b =>
        {
            int Count(params ChallengeStatus[] states) => states.Sum(s => b.ChallengesByStatus.GetValueOrDefault(s));
            var awarded = Count(ChallengeStatus.Awarded, ChallengeStatus.Completed, ChallengeStatus.Terminated);
            var unawarded = Count(ChallengeStatus.Unawarded);
            var undecided = Count(ChallengeStatus.Published);
            return new BatchFigures(b.Id, b.Code, b.Name, awarded + unawarded + undecided, awarded, unawarded, undecided,
                budgets.TryGetValue(b.Id, out var budget) ? budget : null, Money.Of(byBatch[b.Id]));
        }).ToList();

        var fields = agreements.Where(a => challenges.ContainsKey(a.ChallengeId))
            .GroupBy(a => challenges[a.ChallengeId].Field)
            .OrderBy(g => g.Key)
            .Select(g => new FieldFigures(g.Key.ToString(), ChallengeFields.NameZh(g.Key), ChallengeFields.NameEn(g.Key), g.Count(), Money.Of(g)))
            .ToList();

        var waits = agreements.Where(a => challenges.ContainsKey(a.ChallengeId))
            .Select(a => a.SignedAt - challenges[a.ChallengeId].PublishedAt)
            .ToList();

        var realised = agreements.Where(a => procurements.ContainsKey(a.Id)).Select(a => procurements[a.Id]).ToList();
        return new Dashboard(overview.Id, overview.Code, overview.Name, consortia, batches, fields, Money.Of(agreements),
            new MedianDays(waits.Count, Median.Days(waits)),
            new ProcurementRealised(realised.Count, (int)realised.Sum(p => p.Contracts), realised.Sum(p => p.AmountFen)));
    }
}
