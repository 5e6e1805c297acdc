using Dapper;
using FastEndpoints;
using FluentValidation;
using Jiebang.Platform.Audit;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Review.Features.Shared;

namespace Jiebang.Review.Features.LinkExpertUser;

internal sealed class Request
{
    /// <summary>The sign-in name of a user with the Expert role.</summary>
    public string UserName { get; set; } = "";
}

internal sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(x => x.UserName).NotEmpty().MaximumLength(100);
}

internal sealed class Endpoint(DbConnectionFactory db, UserStore users, AuditWriter audit, TimeProvider clock) : Endpoint<Request, ReviewExpert>
{
    private const string SetUser = "UPDATE review_expert SET user_id = @UserId, updated_at = @Now, version = version + 1 WHERE id = @Id";

    private const string LinkedElsewhere = "SELECT COUNT(*) FROM review_expert WHERE user_id = @UserId AND id <> @Id";

    public override void Configure()
    {
        Post("/api/v1/review/experts/{id:guid}/user");
        Roles(Platform.Auth.Roles.TaskForce);
        Description(b => b.Api("Experts_LinkUser", "Review", "绑定专家账号 / Link an expert profile to an expert user (effective at the next sign-in)")
            .Body<Request>().Ok<ReviewExpert>().ETag().Problems(400, 401, 403, 404, 409).Codes(409, "expert.user_taken"), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var user = await users.FindAsync(req.UserName.Trim(), ct);
        if (user is null || user.Role != Platform.Auth.Roles.Expert)
        {
            await Send.ResultAsync(Problems.Validation("userName", "没有该专家账号", "No user with the Expert role has this name"));
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
            if (await connection.ExecuteScalarAsync<int>(LinkedElsewhere, new { UserId = user.Id, Id = id }, tx) > 0)
            {
                await Send.ResultAsync(Problems.Conflict("expert.user_taken", "该账号已绑定其他专家", "The user is already linked to another expert"));
                return;
            }
            await connection.ExecuteAsync(SetUser, new { UserId = user.Id, Id = id, Now = clock.GetUtcNow() }, tx);
            await UserStore.LinkExpertAsync(connection, tx, user.Id, id);
            await audit.WriteAsync(connection, tx, User.Caller(), ExpertStore.Module, ExpertStore.Entity, id, "LinkUser",
                new { userId = user.Id, user.UserName, previous = row.UserId });
            var updated = await ExpertStore.LoadAsync(connection, id, tx);
            await tx.CommitAsync(ct);
            HttpContext.Response.Headers.ETag = Versioning.ETag(updated!.Version);
            await Send.OkAsync(updated.ToModel(), ct);
        }
    }
}
