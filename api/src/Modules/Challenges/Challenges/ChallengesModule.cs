using Jiebang.Challenges.Demo;
using Jiebang.Platform.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Challenges;

public static class ChallengesModule
{
    public static IServiceCollection AddChallengesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IDemoSeeder, ChallengesDemoSeeder>();
        services.AddSingleton<Jiebang.Platform.Feed.IFeedCatchUp, Integrations.BatchWindowFeed>();
        return services;
    }
}
