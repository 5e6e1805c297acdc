using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.CreateExpert;

internal sealed class Endpoint(WritePath writes, OrganisationStore organisations) : Endpoint<Request, ReviewExpert>
{
    public override void Configure()
    {
        Post("/api/v1/review/experts");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Experts_Create", "Review", "登记专家 / Add an expert to the pool")
            .Body<Request>().Ok<ReviewExpert>(201).ETag().Location().Problems(400, 401, 403), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain,
            async token =>
            {
                await OrganisationCheck.RequireKnownAsync(organisations, req.AffiliationOrganisationId, req.DeclaredConflicts,
                    req.DeclaredPersonConflicts, token);
                return true;
            },
            async (w, _) =>
            {
                await w.ExecuteAsync(Data.Insert, new
                {
                    Id = id, Name = req.Name.Trim(), Title = req.Title.Trim(), Fields = ExpertStore.FormatFields(req.Fields),
                    req.AffiliationOrganisationId, req.Active, w.Now,
                });
                await ExpertStore.ReplaceConflictsAsync(w.Connection, w.Transaction, id, req.DeclaredConflicts);
                await ExpertStore.ReplacePeopleAsync(w.Connection, w.Transaction, id, req.DeclaredPersonConflicts);
                await w.AuditAsync(ExpertStore.Module, ExpertStore.Entity, id, "Create", new
                {
                    req.Name, fields = req.Fields, req.AffiliationOrganisationId, declaredConflicts = req.DeclaredConflicts,
                    declaredPersonConflicts = ExpertStore.Distinct(req.DeclaredPersonConflicts),
                });
                var created = (await ExpertStore.LoadAsync(w.Connection, id, w.Transaction))!;
                return Write.Created(created.ToModel(), $"/api/v1/review/experts/{id}", created.Version);
            }, ct));
    }
}
