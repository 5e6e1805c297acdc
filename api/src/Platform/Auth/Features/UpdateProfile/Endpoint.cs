using FastEndpoints;
using Jiebang.Platform.Http;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Auth.Features.UpdateProfile;

internal sealed class Endpoint(WritePath writes) : Endpoint<Request, CurrentUser>
{
    public override void Configure()
    {
        Put("/api/v1/auth/me");
        Roles(Auth.Roles.People);
        Description(b => b.Api("Auth_UpdateProfile", "Platform", "修改本人资料 / Update the signed-in user's name and contact details",
                "The name, email and mobile of the signed-in person; an empty email or mobile removes it. Audited.")
            .Body<Request>().Ok<CurrentUser>().Problems(400, 401, 403, 404, 412)
            .Example(new { displayName = "张三", email = "zhangsan@example.cn", mobile = "13800138000" }), clearDefaults: true);
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        await Send.ResultAsync(await writes.RunAsync(HttpContext, WriteOptions.Plain, async w =>
        {
            var user = Write.Found(w.Caller.UserId is { } id ? await UserStore.FindByIdAsync(w.Connection, w.Transaction, id) : null, "user");
            var changed = new UserRecord
            {
                Id = user.Id, UserName = user.UserName, DisplayName = req.DisplayName.Trim(), PasswordHash = user.PasswordHash, Role = user.Role,
                OrganisationId = user.OrganisationId, ExpertId = user.ExpertId, Active = user.Active, IsDemo = user.IsDemo,
                Email = Blank(req.Email), Mobile = Blank(req.Mobile), OrgAdmin = user.OrgAdmin, MustChangePassword = user.MustChangePassword,
                SecurityStamp = user.SecurityStamp, Version = user.Version + 1,
            };
            Write.Changed(await w.ExecuteAsync(Data.Update, new { user.Id, user.Version, changed.DisplayName, changed.Email, changed.Mobile, w.Now }));
            await w.AuditAsync("Platform", "User", user.Id, "UpdateProfile", new
            {
                before = new { user.DisplayName, user.Email, user.Mobile },
                after = new { changed.DisplayName, changed.Email, changed.Mobile },
            });
            return Write.Ok(await CurrentUser.ReadAsync(w.Connection, w.Transaction, changed));
        }, ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
