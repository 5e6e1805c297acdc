using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.UpdateExpert;

internal sealed class Endpoint(WritePath writes, OrganisationStore organisations) : Endpoint<Request, ReviewExpert>
{
    public override void Configure()
    {
        Put("/api/v1/review/experts/{id:guid}");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Experts_Update", "Review", "修改专家信息 / Update an expert")
            .Body<Request>().IfMatch(required: true).Ok<ReviewExpert>().ETag().Problems(400, 401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Versioned(IfMatch.Required),
            async token =>
            {
                await OrganisationCheck.RequireKnownAsync(organisations, req.AffiliationOrganisationId, req.DeclaredConflicts,
                    req.DeclaredPersonConflicts, token);
                return true;
            },
            async (w, _) =>
            {
                var row = Write.Found(await ExpertStore.LoadAsync(w.Connection, id, w.Transaction), "expert");
                w.Matches(row.Version);
                Write.Changed(await w.ExecuteAsync(Data.Update, new
                {
                    Id = id, row.Version, Name = req.Name.Trim(), Title = req.Title.Trim(), Fields = ExpertStore.FormatFields(req.Fields),
                    req.AffiliationOrganisationId, req.Active, w.Now,
                }));
                await ExpertStore.ReplaceConflictsAsync(w.Connection, w.Transaction, id, req.DeclaredConflicts);
                await ExpertStore.ReplacePeopleAsync(w.Connection, w.Transaction, id, req.DeclaredPersonConflicts);
                await w.AuditAsync(ExpertStore.Module, ExpertStore.Entity, id, "Update", new
                {
                    before = new
                    {
                        row.Name, row.Fields, row.AffiliationOrganisationId, declaredConflicts = row.Conflicts, declaredPersonConflicts = row.People,
                        row.Active,
                    },
                    after = new
                    {
                        req.Name, fields = ExpertStore.FormatFields(req.Fields), req.AffiliationOrganisationId, declaredConflicts = req.DeclaredConflicts,
                        declaredPersonConflicts = ExpertStore.Distinct(req.DeclaredPersonConflicts), req.Active,
                    },
                });
                var updated = (await ExpertStore.LoadAsync(w.Connection, id, w.Transaction))!;
                return Write.Ok(updated.ToModel(), updated.Version);
            }, ct));
    }
}
