using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.ApiKeys;

internal static class ApiKeyProblems
{
    public static IResult Revoked() => Problems.Conflict("api_key.revoked",
        "该接口密钥已吊销；如需继续接入，请新建密钥", "The API key is already revoked; create a new key instead");
}
