using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.UpdateMyConflicts;

internal sealed class Endpoint(WritePath writes, OrganisationStore organisations) : Endpoint<Request, ReviewExpert>
{
    public override void Configure()
    {
        Put("/api/v1/review/me/expert/conflicts");
        Roles(Platform.Auth.Roles.Expert);
        Description(b => b.Api("Experts_DeclareConflicts", "Review", "申报利益冲突 / The signed-in expert declares its conflicts of interest")
            .Body<Request>().IfMatch(required: true).Ok<ReviewExpert>().ETag().Problems(400, 401, 403, 404, 412, 428), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // A caller without an expert profile has nothing to declare on: 404 before the If-Match check.
        await Send.ResultAsync(User.Caller().ExpertId is not { } id ? Problems.NotFound("expert") : await writes.RunAsync(HttpContext,
            WriteOptions.Versioned(IfMatch.Required),
            async token =>
            {
                await OrganisationCheck.RequireKnownAsync(organisations, null, req.DeclaredConflicts, req.DeclaredPersonConflicts, token);
                return true;
            },
            async (w, _) =>
            {
                var row = Write.Found(await ExpertStore.LoadAsync(w.Connection, id, w.Transaction), "expert");
                w.Matches(row.Version);
                Write.Changed(await w.ExecuteAsync(Data.Touch, new { Id = id, row.Version, w.Now }));
                await ExpertStore.ReplaceConflictsAsync(w.Connection, w.Transaction, id, req.DeclaredConflicts);
                await ExpertStore.ReplacePeopleAsync(w.Connection, w.Transaction, id, req.DeclaredPersonConflicts);
                await w.AuditAsync(ExpertStore.Module, ExpertStore.Entity, id, "DeclareConflicts", new
                {
                    before = new { organisations = row.Conflicts, people = row.People },
                    after = new { organisations = req.DeclaredConflicts.Distinct().ToList(), people = ExpertStore.Distinct(req.DeclaredPersonConflicts) },
                });
                var updated = (await ExpertStore.LoadAsync(w.Connection, id, w.Transaction))!;
                return Write.Ok(updated.ToModel(), updated.Version);
            }, ct));
    }
}
