using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;
using Jiebang.Review.Data;
using Jiebang.Review.Views;

namespace Jiebang.Review.Features.Experts.LinkExpertUser;

internal sealed class Endpoint(WritePath writes, UserStore users) : Endpoint<Request, ReviewExpert>
{
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
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain,
            async token =>
            {
                var user = await users.FindAsync(req.UserName.Trim(), token);
                Write.Require(user is not null && user.Role == Platform.Auth.Roles.Expert,
                    Problems.Validation("userName", "没有该专家账号", "No user with the Expert role has this name"));
                return user!;
            },
            async (w, user) =>
            {
                var row = Write.Found(await ExpertStore.LoadAsync(w.Connection, id, w.Transaction), "expert");
                Write.Require(await w.ExecuteScalarAsync<int>(Data.LinkedElsewhere, new { UserId = user.Id, Id = id }) == 0,
                    Problems.Conflict("expert.user_taken", "该账号已绑定其他专家", "The user is already linked to another expert"));
                await w.ExecuteAsync(Data.SetUser, new { UserId = user.Id, Id = id, w.Now });
                await UserStore.LinkExpertAsync(w.Connection, w.Transaction, user.Id, id);
                await w.AuditAsync(ExpertStore.Module, ExpertStore.Entity, id, "LinkUser", new { userId = user.Id, user.UserName, previous = row.UserId });
                var updated = (await ExpertStore.LoadAsync(w.Connection, id, w.Transaction))!;
                return Write.Ok(updated.ToModel(), updated.Version);
            }, ct));
    }
}
