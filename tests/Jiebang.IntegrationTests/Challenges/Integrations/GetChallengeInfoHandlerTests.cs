using System.Net;
using Jiebang.Challenges.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Challenges.Integrations;

public abstract partial class IntegrationsTests
{
    [Fact]
    public async Task Other_modules_read_a_challenge_through_the_contract_query()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        using var scope = Host.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var info = await sender.Send(new GetChallengeInfo(Guid.Parse((string)challenge["id"]!)));
        Assert.NotNull(info);
        Assert.Equal(ChallengeStatus.Published, info.Status);
        Assert.Equal(ApplicationPhase.Open, info.Phase);
        Assert.Equal(Host.Cast.IssuerAOrg, info.IssuerOrganisationId);
        Assert.Equal(2, info.Indicators.Count);
        Assert.Null(await sender.Send(new GetChallengeInfo(Guid.NewGuid())));
    }
}
