using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.CreateExpert;

internal sealed class Endpoint(DbConnectionFactory db, OrganisationStore organisations, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewExpert>
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
        if (await OrganisationCheck.UnknownAsync(organisations, req.AffiliationOrganisationId, req.DeclaredConflicts, req.DeclaredPersonConflicts, ct) is { } unknown)
        {
            await Send.ResultAsync(unknown);
            return;
        }
        var id = Guid.CreateVersion7();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await connection.ExecuteAsync(Data.Insert, new
            {
                Id = id, Name = req.Name.Trim(), Title = req.Title.Trim(), Fields = ExpertStore.FormatFields(req.Fields),
                req.AffiliationOrganisationId, req.Active, Now = clock.GetUtcNow(),
            }, tx);
            await ExpertStore.ReplaceConflictsAsync(connection, tx, id, req.DeclaredConflicts);
            await ExpertStore.ReplacePeopleAsync(connection, tx, id, req.DeclaredPersonConflicts);
            await audit.WriteAsync(connection, tx, User.Caller(), ExpertStore.Module, ExpertStore.Entity, id, "Create",
                new
                {
                    req.Name, fields = req.Fields, req.AffiliationOrganisationId, declaredConflicts = req.DeclaredConflicts,
                    declaredPersonConflicts = ExpertStore.Distinct(req.DeclaredPersonConflicts),
                });
            var created = await ExpertStore.LoadAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.Location = $"/api/v1/review/experts/{id}";
            HttpContext.Response.Headers.ETag = Versioning.ETag(created!.Version);
            await Send.ResponseAsync(created.ToModel(), 201, ct);
        }
    }
}
