using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Errors;

/// <summary>Builds the problem responses every slice returns; codes are stable once published.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IResult Of(int status, string code, string title, string detail, IDictionary<string, string[]>? errors = null,
        IReadOnlyList<Violation>? violations = null) =>
        new ProblemResult(new ApiProblem
        {
            Type = $"https://jiebang.example/problems/{code}",
            Title = title,
            Status = status,
            Detail = detail,
            Code = code,
            Errors = errors,
            Violations = violations,
        });

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Of(StatusCodes.Status400BadRequest, "validation_failed", "Validation failed", "请求未通过校验。 / The request failed validation.", errors);

    public static IResult NotFound(string what = "resource") =>
        Of(StatusCodes.Status404NotFound, "not_found", "Not found",
            $"未找到该{ZhName(what)}，或您无权查看。 / The {what} does not exist or is not visible to you.");

    public static IResult Validation(string field, string zh, string en) =>
        Of(StatusCodes.Status400BadRequest, "validation_failed", "Validation failed",
            "请求未通过校验。 / The request failed validation.",
            new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });

    public static IResult Conflict(string code, string zh, string en) =>
        Of(StatusCodes.Status409Conflict, code, en, $"{zh} / {en}");

    public static IResult VersionMismatch() =>
        Of(StatusCodes.Status412PreconditionFailed, "concurrency.version_mismatch", "Version mismatch",
            "数据已被他人修改，请刷新后重试。 / The resource was changed by someone else; reload it and try again.");

    public static IResult IfMatchRequired() =>
        Of(StatusCodes.Status428PreconditionRequired, "concurrency.if_match_required", "If-Match required",
            "更新需要携带 If-Match 版本头。 / Updates must carry the resource version in an If-Match header.");

    public static IResult Forbidden(string zh, string en) =>
        Of(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", $"{zh} / {en}");

    private static string ZhName(string what) => what switch
    {
        "challenge" => "技术需求",
        "batch" => "榜单批次",
        "programme" => "工程",
        "organisation" => "主体",
        "user" => "用户",
        "job" => "后台任务",
        "registration" => "注册申请",
        _ => "资源",
    };

    /// <summary>The problem a result built here carries (its status, code and detail), or null for any other result.</summary>
    public static ApiProblem? Describe(IResult result) => result is ProblemResult p ? p.Problem : null;

    private sealed class ProblemResult(ApiProblem problem) : IResult, IStatusCodeHttpResult
    {
        public ApiProblem Problem => problem;

        public int? StatusCode => problem.Status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            var body = new ApiProblem
            {
                Type = problem.Type,
                Title = problem.Title,
                Status = problem.Status,
                Detail = problem.Detail,
                Code = problem.Code,
                Errors = problem.Errors,
                Violations = problem.Violations,
                Instance = httpContext.Request.Path,
                TraceId = httpContext.TraceIdentifier,
            };
            httpContext.Response.StatusCode = problem.Status;
            return httpContext.Response.WriteAsJsonAsync(body, JsonDefaults.Options, ContentType);
        }
    }
}
