using Jiebang.Platform.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Applications;

public static class ApplicationsModule
{
    public static IServiceCollection AddApplicationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Services.Parties>();
        services.AddSingleton<Data.AttachmentStorage>();
        services.AddSingleton<Platform.Demo.IDemoSeeder, Demo.ApplicationsDemoSeeder>();
        services.AddScoped<Services.FormalCheck>();
        services.AddJobKind<Features.Export.ExportApplicationsJob.Job>();
        services.AddJobKind<Features.Eligibility.RunEligibilityCheckJob.Job>();
        return services;
    }
}
