using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.UpdateMyConflicts;

internal sealed class Request
{
    /// <summary>Every organisation the expert has a conflict of interest with (replaces the earlier declaration).</summary>
    public List<Guid> DeclaredConflicts { get; set; } = [];
    /// <summary>Every person the expert has a conflict of interest with, by name and optionally organisation (replaces the earlier declaration).</summary>
    public List<PersonConflict> DeclaredPersonConflicts { get; set; } = [];
}

internal sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(x => x.DeclaredConflicts).Must(c => c.Count <= 200).WithMessage("最多200个 / At most 200");
        RuleForEach(x => x.DeclaredConflicts).NotEqual(Guid.Empty);
        RuleFor(x => x.DeclaredPersonConflicts).SetValidator(new CreateExpert.PersonConflictRules());
    }
}

internal sealed class Endpoint(DbConnectionFactory db, OrganisationStore organisations, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewExpert>
{
    private const string Touch = "UPDATE review_expert SET updated_at = @Now, version = version + 1 WHERE id = @Id AND version = @Version";

    public override void Configure()
    {
        Put("/api/v1/review/me/expert/conflicts");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Experts_DeclareConflicts", "Review", "申报利益冲突 / The signed-in expert declares its conflicts of interest")
            .Body<Request>().IfMatch(required: true).Ok<ReviewExpert>().ETag().Problems(400, 401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = User.Caller();
        if (caller.ExpertId is not { } id)
        {
            await Send.ResultAsync(Problems.NotFound("expert"));
            return;
        }
        if (Versioning.Parse(HttpContext.Request.Headers.IfMatch) is not { } version)
        {
            await Send.ResultAsync(Problems.IfMatchRequired());
            return;
        }
        if (await OrganisationCheck.UnknownAsync(organisations, null, req.DeclaredConflicts, req.DeclaredPersonConflicts, ct) is { } unknown)
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
            if (row.Version != version || await connection.ExecuteAsync(Touch, new { Id = id, Version = version, Now = clock.GetUtcNow() }, tx) == 0)
            {
                await Send.ResultAsync(Problems.VersionMismatch());
                return;
            }
            await ExpertStore.ReplaceConflictsAsync(connection, tx, id, req.DeclaredConflicts);
            await ExpertStore.ReplacePeopleAsync(connection, tx, id, req.DeclaredPersonConflicts);
            await audit.WriteAsync(connection, tx, caller, ExpertStore.Module, ExpertStore.Entity, id, "DeclareConflicts", new
            {
                before = new { organisations = row.Conflicts, people = row.People },
                after = new { organisations = req.DeclaredConflicts.Distinct().ToList(), people = ExpertStore.Distinct(req.DeclaredPersonConflicts) },
            });
            var updated = await ExpertStore.LoadAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(updated!.Version);
            await Send.OkAsync(updated.ToModel(), ct);
        }
    }
}
