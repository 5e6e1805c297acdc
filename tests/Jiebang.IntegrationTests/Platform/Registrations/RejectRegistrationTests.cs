using System.Net;
using System.Net.Http.Json;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Registrations;

public abstract partial class RegistrationsTests
{
    [Fact]
    public async Task Register_rejected_with_a_reason_shown_to_the_unit_register_again_approved_and_the_administrator_signs_in()
    {
        var code = NewCode();
        var first = await SubmitAsync(code);
        var firstId = (string)first["reference"]!;
        var tf = await Host.As(Cast.TaskForce);
        await DatabaseSnapshot.Unchanged(Host, () =>
            DecideAsync(tf, firstId, "reject", "\"1\"", new { reason = " " }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            DecideAsync(tf, firstId, "reject", "\"1\"", new { reason = new string('长', 501) }).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, async () =>
            await DecideAsync(await Host.As(Cast.Auditor), firstId, "reject", "\"1\"", new { reason = "x" }).Expect(HttpStatusCode.Forbidden));

        var rejected = await RejectAsync(firstId, "营业执照照片不清晰，请重新上传");
        Assert.Equal("Rejected", (string?)rejected["status"]);
        Assert.Equal("营业执照照片不清晰，请重新上传", (string?)rejected["rejectionReason"]);
        Assert.Equal(Cast.TaskForce, (string?)rejected["reviewedBy"]);
        var status = await StatusAsync((string)first["statusToken"]!).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", (string?)status["status"]);
        Assert.Equal("营业执照照片不清晰，请重新上传", (string?)status["rejectionReason"]);
        Assert.NotNull(status["reviewedAt"]);
        Assert.Equal(["Submit", "Reject"], await AuditActionsAsync("Registration", firstId));
        await DatabaseSnapshot.Unchanged(Host, () => DecideAsync(tf, firstId, "approve", "\"2\"").ExpectProblem(HttpStatusCode.Conflict, "registration.not_pending"));

        // After a rejection the same code may register again (and the same administrator name, which no account holds yet).
        var second = await SubmitAsync(code);
        var secondId = (string)second["reference"]!;
        Assert.NotEqual(firstId, secondId);
        Assert.Equal(2, await RegistrationsWithCodeAsync(code));
        var approved = await ApproveAsync(secondId);
        Assert.Equal("Approved", (string?)approved["status"]);
        await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/token",
            new { userName = "unit-" + code[^6..].ToLowerInvariant(), password = AdminPassword }).Expect(HttpStatusCode.OK);
        // The first registration stays rejected, with its reason.
        Assert.Equal("Rejected", (string?)(await StatusAsync((string)first["statusToken"]!).Expect(HttpStatusCode.OK))["status"]);
    }
}
