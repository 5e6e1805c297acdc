using Mediator;
using FastEndpoints;
using Jiebang.Applications;
using Jiebang.Challenges;
using Jiebang.Funding;
using Jiebang.Review;
using Jiebang.Challenges.Contracts;
using Jiebang.Host;
using Jiebang.Host.Cli;
using Jiebang.Host.OpenApi;
using Jiebang.Platform;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args.Where(a => a != AdminCommands.Verb).ToArray());
HostSetup.ResolveSqlitePath(builder.Configuration, builder.Environment);
OffsetTimeProvider.AddIfConfigured(builder);

builder.Services.AddPlatform(builder.Configuration, builder.Environment);
builder.Services.AddChallengesModule(builder.Configuration);
builder.Services.AddApplicationsModule(builder.Configuration);
builder.Services.AddFundingModule(builder.Configuration);
builder.Services.AddReviewModule(builder.Configuration);
builder.Services.AddMediator((MediatorOptions o) =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.Assemblies =
    [
        typeof(ChallengesModule), typeof(GetChallengeInfo),
        typeof(ApplicationsModule), typeof(Jiebang.Applications.Contracts.GetApplicationParties),
        typeof(FundingModule), typeof(Jiebang.Funding.Contracts.GetPriorAgreements),
        typeof(ReviewModule), typeof(Jiebang.Review.Contracts.ReviewRoundClosed),
    ];
});
builder.Services.AddFastEndpoints(o => o.Assemblies =
[
    typeof(PlatformModule).Assembly, typeof(ChallengesModule).Assembly, typeof(ApplicationsModule).Assembly, typeof(FundingModule).Assembly,
    typeof(ReviewModule).Assembly,
]);
builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => JsonDefaults.Apply(o.JsonSerializerOptions));
builder.Services.AddJiebangOpenApi();
builder.Services.AddJiebangHardening(builder.Configuration);

var app = builder.Build();

if (args.Length > 0 && args[0] == AdminCommands.Verb)
{
    return await AdminCommands.RunAsync(app, args.Skip(1).ToArray());
}

await HostSetup.PrepareDatabaseAsync(app);

app.UseExceptionHandler(e => e.Run(HostSetup.WriteUnhandledProblemAsync));
app.UseStatusCodePages(HostSetup.WriteStatusProblemAsync);
app.Use(Hardening.SecurityHeaders);
app.UseCors();
app.UseRateLimiter();
app.Use(Hardening.LimitBodies(app.Configuration));
app.UseAuthentication();
app.Use(HostSetup.RefuseBadCredentials);
app.Use(Jiebang.Platform.Auth.PasswordChangeGate.Refuse);
app.UseAuthorization();
app.Use(Jiebang.Platform.Http.RequestBodies.Normalise);
app.Use(Jiebang.Platform.Idempotency.IdempotencyKeys.RefuseUnusable);
app.UseFastEndpoints(c =>
{
    JsonDefaults.ForRequests(c.Serializer.Options);
    c.Errors.ContentType = Problems.ContentType;
    c.Errors.ResponseBuilder = HostSetup.ValidationProblem;
    c.Binding.JsonExceptionTransformer = BodyErrors.Describe;
});
var serveOpenApi = OpenApiSetup.IsServed(app.Configuration, app.Environment);
if (serveOpenApi)
{
    app.UseSwagger();
    app.UseSwaggerUI(o =>
    {
        o.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Jiebang API v1");
        o.DocumentTitle = "Jiebang API (揭榜挂帅平台)";
    });
}
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.MapWebAdmin();
app.MapGet("/", () => Results.Redirect(serveOpenApi ? "/swagger" : WebAdmin.BasePath + "/")).ExcludeFromDescription();

await app.RunAsync();
return 0;

/// <summary>Entry point type, public for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
