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
            MaxOpenObjectionsPerItem = Math.Max(1, configuration.GetValue("Review:MaxOpenObjectionsPerItem", ReviewOptions.DefaultMaxOpenObjectionsPerItem)),
        });
        services.AddSingleton<Platform.Demo.IDemoSeeder, Demo.ReviewDemoSeeder>();
        services.AddSingleton<Platform.Users.IExpertAccounts, Data.ExpertAccountStore>();
        services.AddJobKind<Features.Rounds.ExportRoundJob.Job>();
        services.AddJobKind<Features.Assignments.AssignExpertsJob.Job>();
        return services;
    }
}

internal sealed class ReviewOptions
{
    public const int DefaultObjectionDays = 5;

    /// <summary>Length of the publication (公示) objection period, in days.</summary>
    public int ObjectionDays { get; init; } = DefaultObjectionDays;

    public const int DefaultMaxOpenObjectionsPerItem = 3;

    /// <summary>How many unresolved objections one organisation may have on one item at a time.</summary>
    public int MaxOpenObjectionsPerItem { get; init; } = DefaultMaxOpenObjectionsPerItem;
}
