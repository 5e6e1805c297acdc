using Jiebang.Platform.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Applications;

public static class ApplicationsModule
{
    public static IServiceCollection AddApplicationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Features.Shared.Parties>();
        services.AddSingleton<Features.Shared.ApplicationFeed>();
        services.AddScoped<Features.Shared.ChallengeGate>();
        services.AddSingleton<Features.Shared.AttachmentStorage>();
        services.AddSingleton<Platform.Demo.IDemoSeeder, Demo.ApplicationsDemoSeeder>();
        services.AddScoped<Features.RunEligibilityCheck.FormalCheck>();
        services.AddJobKind<Features.ExportApplicationsJob.Job>();
        services.AddJobKind<Features.RunEligibilityCheckJob.Job>();
        return services;
    }
}
