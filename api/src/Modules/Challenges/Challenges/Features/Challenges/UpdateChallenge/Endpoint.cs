using FastEndpoints;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
using Jiebang.Challenges.Views;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Challenges.Features.Challenges.UpdateChallenge;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, ChallengeDetail>
{
    public override void Configure()
    {
        Put("/api/v1/challenges/{id:guid}");
        Roles(Platform.Auth.Roles.Issuer);
        Description(b => b.Api("Challenges_Update", "Challenges", "修改技术需求草稿 / Update a draft challenge of one's own organisation")
            .Body<Request>().IfMatch(required: true).Ok<ChallengeDetail>().ETag().Problems(400, 401, 403, 404, 409, 412, 428)
            .Codes(409, "challenge.not_editable"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required), async w =>
        {
            var row = Write.Found(await ChallengeStore.LoadAsync(w, id), "challenge");
            Write.Require(row.IsOwnedBy(w.Caller), Problems.Forbidden("只有发榜企业本单位用户可以修改", "Only users of the issuing organisation may edit it"));
            w.Matches(row.Version);
            Write.Require(ChallengeLifecycle.IsEditable(row.Status), Problems.Conflict("challenge.not_editable",
                $"技术需求当前为“{ChallengeStatusNames.Chinese(row.Status)}”，只有草稿可以修改",
                    $"The challenge is {ChallengeStatusNames.English(row.Status)}; only drafts can be edited"));
            Write.Changed(await w.ExecuteAsync(Data.Update, new
            {
                Id = id, row.Version, Draft = nameof(ChallengeStatus.Draft), w.Now,
                Field = req.Field.ToString(), Title = req.Title.Trim(), TitleEn = string.IsNullOrWhiteSpace(req.TitleEn) ? null : req.TitleEn.Trim(),
                Background = req.Background.Trim(), Deliverables = ChallengeStore.SerializeDeliverables(req.Deliverables),
                req.RdMonths, req.PlannedInvestmentFen, ProcurementAmountFen = req.Procurement.AmountFen,
                ProcurementQuantity = req.Procurement.Quantity, ProcurementTerms = req.Procurement.Terms,
                ContactName = req.Contact.Name.Trim(), ContactPhone = req.Contact.Phone.Trim(), ContactEmail = req.Contact.Email,
            }));
            await ChallengeStore.ReplaceIndicatorsAsync(w.Connection, w.Transaction, id, req.Indicators);
            await w.AuditAsync(ChallengeStore.Module, ChallengeStore.Entity, id, "Update", new
            {
                before = new { row.Title, field = row.Field.ToString(), row.RdMonths, row.PlannedInvestmentFen },
                after = new { req.Title, field = req.Field.ToString(), req.RdMonths, req.PlannedInvestmentFen },
            });
            var detail = (await ChallengeStore.DetailAsync(w.Connection, id, w.Now, w.Transaction))!;
            return Write.Ok(detail, detail.Version);
        }, ct));
    }
}
