using FastEndpoints;
using Jiebang.Applications.Data;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Services;
using Jiebang.Applications.Views;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Mediator;

namespace Jiebang.Applications.Features.Applications.UpdateApplication;

internal sealed class Endpoint(WritePath writes, DbConnectionFactory db, ISender sender, Parties parties, TimeProvider clock)
    : Endpoint<Request, ApplicationDetail>
{
    public override void Configure()
    {
        Put("/api/v1/applications/{id:guid}");
        Roles(Platform.Auth.Roles.Applicant, Platform.Auth.Roles.District);
        Description(b => b.Api("Applications_Update", "Applications", "修改申报书（截止前） / Update the working copy before the deadline",
                "The lead must stay the Lead member (400 application.lead_must_be_applicant on members otherwise). " +
                "Confirmations: a member's confirmation records the role and budget share it agreed to; it lapses (is deleted, and " +
                "the Update audit record names it) when that member is removed or its role or share changes, and the member must " +
                "confirm again before the next submission. Other edits (technical approach, team, milestones, other members' " +
                "terms) leave confirmations standing. A submitted version keeps the consortium as it stood.")
            .Body<Request>().IfMatch(required: true).Ok<ApplicationDetail>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(400, ConsortiumRules.LeadMustBeApplicant).Codes(409, "application.invalid_state", "application.window_closed"), clearDefaults: true);
    }

    private sealed record Prepared(ApplicationRow Row, IReadOnlyList<Party> Parties);

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var caller = User.Caller();
        var content = ApplicationContent.CopyOf(req);
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required),
            token => PrepareAsync(id, caller, content, token),
            async (w, p) =>
            {
                // The row as prepared is the row now, or the versioned update changes nothing (412); only time moved on.
                Write.Require(!ApplicationWindow.IsClosed(p.Row.ClosesAt, w.Now), ApplicationWindow.Closed());
                Write.Changed(await w.ExecuteAsync(Data.Update, new
                {
                    Id = id, Version = p.Row.Version, Content = ApplicationStore.Serialize(content), content.OwnInvestmentFen, w.Now,
                }));
                var lapsed = await ApplicationStore.ReplaceMembersAsync(w.Connection, w.Transaction, id, p.Parties);
                await w.AuditAsync(ApplicationStore.Module, ApplicationStore.Entity, id, "Update", new
                {
                    before = new { p.Row.OwnInvestmentFen, members = p.Row.Members.Count },
                    after = new { content.OwnInvestmentFen, members = p.Parties.Count },
                    confirmationsLapsed = p.Row.Members.Where(m => lapsed.Contains(m.OrganisationId)).Select(m => m.OrganisationName).ToList(),
                });
                var (_, detail) = await ApplicationStore.CurrentAsync(w, id);
                return Write.Ok(detail, detail.Version);
            }, ct));
    }

    /// <summary>Reads and judges first, holding no transaction: other modules' queries open their own connections.</summary>
    private async Task<Prepared> PrepareAsync(Guid id, Caller caller, ApplicationContent content, CancellationToken ct)
    {
        ApplicationRow? current;
        await using (var read = await db.OpenAsync(ct))
        {
            current = await ApplicationStore.LoadAsync(read, id);
        }
        var row = ApplicationLifecycle.CheckChange(current, caller, clock.GetUtcNow(), Versioning.Parse(HttpContext.Request.Headers.IfMatch));
        if (ConsortiumRules.LeadRefusal(row.LeadOrganisationId, content) is { } notLead)
        {
            throw Write.Refuse(notLead);
        }
        var challenge = await sender.Send(new GetChallengeInfo(row.ChallengeId), ct);
        var known = challenge?.Indicators.Select(i => i.Id).ToHashSet() ?? [];
        Write.Require(content.IndicatorResponses.All(r => known.Contains(r.IndicatorId)),
            Problems.Validation("indicatorResponses", "响应了不属于该需求的技术指标", "A response names an indicator the challenge does not have"));
        return new Prepared(row, await parties.ResolveAsync(row.LeadOrganisationId, content, ct));
    }
}
