using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jiebang.Platform.Auth;

/// <summary>
/// A token issued while the account must change its password (claim "pwchange") serves only the operations that let the
/// person do so; every other operation answers 403 auth.password_change_required. Runs for every API request after
/// authentication, before the endpoint's own authorisation, so no operation can forget it.
/// </summary>
public static class PasswordChangeGate
{
    public const string Code = "auth.password_change_required";

    /// <summary>The operations a token with "pwchange" may call.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal)
    {
        "Auth_GetMe", "Auth_ChangePassword", "Auth_SignOut", "Auth_GetSignInOptions",
    };

    public static IResult Refusal() =>
        Problems.Of(StatusCodes.Status403Forbidden, Code, "Password change required",
            "请先修改密码，然后才能继续使用。 / Change your password before you continue.");

    public static async Task Refuse(HttpContext context, RequestDelegate next)
    {
        if (context.User.FindFirst(JiebangClaims.PasswordChange)?.Value == "true" && context.Request.Path.StartsWithSegments("/api"))
        {
            var operation = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
            if (operation is null || !Allowed.Contains(operation))
            {
                await Refusal().ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
