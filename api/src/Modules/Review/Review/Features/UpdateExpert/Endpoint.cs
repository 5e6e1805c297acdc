using Dapper;
using FastEndpoints;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Review.Features.CreateExpert;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.UpdateExpert;

internal sealed class Request : ExpertContent;

internal sealed class Validator : Validator<Request>
{
    public Validator() => Include(new ExpertContentRules());
}

internal sealed class Endpoint(DbConnectionFactory db, OrganisationStore organisations, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewExpert>
{
    private const string Update = """
        UPDATE review_expert SET name = @Name, title = @Title, fields = @Fields, affiliation_organisation_id = @AffiliationOrganisationId,
            active = @Active, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """;

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
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
        if (await OrganisationCheck.UnknownAsync(organisations, req.AffiliationOrganisationId, req.DeclaredConflicts, req.DeclaredPersonConflicts, ct) is { } unknown)
        {
            await Send.ResultAsync(unknown);
            return;
        }
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await ExpertStore.LoadAsync(connection, id, tx);
            if (row is null)
            {
                await Send.ResultAsync(Problems.NotFound("expert"));
                return;
            }
            if (row.Version != version || await connection.ExecuteAsync(Update, new
                {
                    Id = id, Version = version, Name = req.Name.Trim(), Title = req.Title.Trim(), Fields = ExpertStore.FormatFields(req.Fields),
                    req.AffiliationOrganisationId, req.Active, Now = clock.GetUtcNow(),
                }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await ExpertStore.ReplaceConflictsAsync(connection, tx, id, req.DeclaredConflicts);
            await ExpertStore.ReplacePeopleAsync(connection, tx, id, req.DeclaredPersonConflicts);
            await audit.WriteAsync(connection, tx, User.Caller(), ExpertStore.Module, ExpertStore.Entity, id, "Update", new
            {
                before = new { row.Name, row.Fields, row.AffiliationOrganisationId, declaredConflicts = row.Conflicts, declaredPersonConflicts = row.People, row.Active },
                after = new { req.Name, fields = ExpertStore.FormatFields(req.Fields), req.AffiliationOrganisationId, declaredConflicts = req.DeclaredConflicts,
                    declaredPersonConflicts = ExpertStore.Distinct(req.DeclaredPersonConflicts), req.Active },
            });
            var updated = await ExpertStore.LoadAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(updated!.Version);
            await Send.OkAsync(updated.ToModel(), ct);
        }
    }
}
