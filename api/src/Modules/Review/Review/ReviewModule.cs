using Jiebang.Platform.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Review;

public static class ReviewModule
{
    public static IServiceCollection AddReviewModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ReviewOptions
        {
            ObjectionDays = configuration.GetValue("Review:ObjectionDays", ReviewOptions.DefaultObjectionDays),
        });
        services.AddSingleton<Platform.Demo.IDemoSeeder, Demo.ReviewDemoSeeder>();
        services.AddSingleton<Features.AssignExperts.AutoAssignment>();
        services.AddJobKind<Features.ExportRoundJob.Job>();
        services.AddJobKind<Features.AssignExpertsJob.Job>();
        return services;
    }
}

internal sealed class ReviewOptions
{
    public const int DefaultObjectionDays = 5;

    /// <summary>Length of the publication (公示) objection period, in days.</summary>
    public int ObjectionDays { get; init; } = DefaultObjectionDays;
}
