using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Funding;

public static class FundingModule
{
    public static IServiceCollection AddFundingModule(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<Platform.Demo.IDemoSeeder, Demo.FundingDemoSeeder>();
}
