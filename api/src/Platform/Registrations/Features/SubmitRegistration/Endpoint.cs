using System.Globalization;
using FastEndpoints;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Jiebang.Platform.Files;
using Jiebang.Platform.Http;
using Jiebang.Platform.Registrations.Data;
using Jiebang.Platform.Registrations.Domain;
using Jiebang.Platform.Throttling;
using Jiebang.Platform.Writes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Platform.Registrations.Features.SubmitRegistration;

internal sealed class Endpoint(WritePath writes, Throttle throttle, RegistrationOptions options, IPasswordHasher<UserRecord> hasher)
    : EndpointWithoutRequest<Response>
{
    private static readonly AttachmentType[] Allowed = [AttachmentTypes.Pdf, AttachmentTypes.Png, AttachmentTypes.Jpeg];

    public override void Configure()
    {
        Post("/api/v1/registrations");
        AllowAnonymous();
        AllowFileUploads();
        Description(b => b.Api("Registrations_Submit", "Platform", "单位注册（法人注册） / Register a unit",
                "Anonymous, multipart/form-data: the text fields and the licence (PDF, PNG or JPEG, recognised from the content; the " +
                "file name's extension must agree) in the field `file`. 202 with the reference and a status token shown only once. " +
                "The credit code's check character and region are checked as the registry does. A pending or approved registration " +
                "of the same credit code: 409 `registration.already_registered`, nothing stored. Whether the administrator's user name " +
                "is taken is not told here (the task force sees it at approval). Each client address may submit " +
                "Registrations:SubmitsPerAddress times per Registrations:SubmitWindowMinutes (refused ones count): 429 `rate_limited` beyond.")
            .Accepts<RegistrationForm>("multipart/form-data").Ok<Response>(202)
            .Problems(400, 409, 413, 429)
            .Codes(400, "attachment.type_mismatch", "attachment.type_not_allowed", "password.too_short", "password.contains_user_name",
                "password.too_common")
            .Codes(409, "registration.already_registered").Codes(413, "attachment.too_large"), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.ResultAsync(await SubmitAsync(ct));

    private async Task<IResult> SubmitAsync(CancellationToken ct)
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var window = TimeSpan.FromMinutes(Math.Max(1, options.SubmitWindowMinutes));
        if (!await throttle.TryHitAsync("registration:ip:" + address, Math.Max(1, options.SubmitsPerAddress), window, ct))
        {
            HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.Of(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests",
                $"注册提交过于频繁，请 {(int)window.TotalMinutes} 分钟后重试。 / Too many registrations from this address; retry in {(int)window.TotalMinutes} min.");
        }
        var (file, problem) = await UploadedFile.ReadSingleAsync(HttpContext, options.LicenceMaxBytes, ct);
        if (problem is not null)
        {
            return problem;
        }
        var form = HttpContext.Request.Form;
        string Field(string name) => form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] ?? "" : "";
        var fields = new RegistrationFields(Field("name"), Field("creditCode").Trim(), Field("orgType").Trim(), Field("legalRepresentative"),
            Field("adminDisplayName"), Field("adminMobile").Trim(), Field("adminEmail").Trim(), Field("adminUserName").Trim(), Field("adminPassword"));
        var (errors, refusal) = fields.Check();
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        if (refusal is not null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, refusal.Code, "Password refused", "管理员密码不符合要求。 / The administrator's password is refused.",
                new Dictionary<string, string[]> { ["adminPassword"] = [$"管理员密码：{refusal.Chinese} / Administrator's password: {refusal.English}"] });
        }
        var (licence, notAccepted) = await ReadLicenceAsync(file!, ct);
        if (notAccepted is not null)
        {
            return notAccepted;
        }
        var (token, tokenHash) = StatusTokens.New();
        var passwordHash = hasher.HashPassword(new UserRecord { UserName = fields.AdminUserName }, fields.AdminPassword);
        var id = Guid.CreateVersion7();
        var alreadyRegistered = Problems.Conflict("registration.already_registered",
            "该统一社会信用代码已有待审核或已通过的注册，不能重复注册；如有疑问请联系工作专班",
            "A registration of this credit code is pending or approved; it cannot be registered again (ask the task force if in doubt)");
        return await writes.RunAsync(HttpContext, WriteOptions.Plain with { OnUniqueViolation = alreadyRegistered }, async w =>
        {
            Write.Require(await w.ExecuteScalarAsync<Guid?>(RegistrationStore.SelectClaim, new { fields.CreditCode }) is null, alreadyRegistered);
            await w.ExecuteAsync(RegistrationStore.InsertClaim, new { fields.CreditCode, RegistrationId = id, w.Now });
            await w.ExecuteAsync(RegistrationStore.Insert, new
            {
                Id = id, fields.CreditCode, Name = fields.Name.Trim(), OrgType = fields.OrgType, LegalRepresentative = fields.LegalRepresentative.Trim(),
                LicenceFileName = licence!.FileName, LicenceContentType = licence.ContentType, LicenceSize = (long)licence.Content.Length,
                LicenceContent = licence.Content, AdminDisplayName = fields.AdminDisplayName.Trim(), fields.AdminMobile, fields.AdminEmail,
                fields.AdminUserName, AdminPasswordHash = passwordHash, Status = nameof(RegistrationStatus.Pending), StatusTokenHash = tokenHash,
                IsDemo = false, SubmittedAt = w.Now,
            });
            // Neither the password nor its hash reaches the audit log.
            await w.AuditAsync(RegistrationStore.Module, RegistrationStore.Entity, id, "Submit", new
            {
                fields.CreditCode, name = fields.Name.Trim(), fields.OrgType, fields.AdminUserName, licence = licence.FileName,
                licenceType = licence.ContentType, licenceSize = licence.Content.Length,
            });
            return new WriteAnswer(StatusCodes.Status202Accepted, new Response
            {
                Reference = id, StatusToken = token, Status = RegistrationStatus.Pending, SubmittedAt = w.Now,
            });
        }, ct);
    }

    private static async Task<(LicenceFile?, IResult?)> ReadLicenceAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using (var source = file.OpenReadStream())
        {
            await source.CopyToAsync(buffer, ct);
        }
        buffer.Position = 0;
        var detected = AttachmentTypes.Detect(buffer);
        var fileName = AttachmentTypes.SanitizeFileName(file.FileName);
        var promised = AttachmentTypes.ForFileName(fileName);
        if (promised is null || !Allowed.Contains(promised) || detected is null || !Allowed.Contains(detected))
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "attachment.type_not_allowed", "Licence type not allowed",
                "营业执照或法人证书只接受 PDF、PNG、JPEG 格式（文件名须带相应扩展名） / " +
                "The licence or certificate must be a PDF, PNG or JPEG file, named with its extension",
                new Dictionary<string, string[]> { ["file"] = ["营业执照或法人证书：只接受 PDF、PNG、JPEG / Licence: only PDF, PNG or JPEG"] }));
        }
        if (detected != promised)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "attachment.type_mismatch", "Licence type mismatch",
                $"营业执照或法人证书的内容（{detected.Name}）与扩展名（{promised.Name}）不符 / " +
                $"The licence's content ({detected.Name}) does not match its file name's extension ({promised.Name})",
                new Dictionary<string, string[]> { ["file"] = [$"营业执照或法人证书：内容与扩展名不符 / Licence: the content does not match the extension"] }));
        }
        return (new LicenceFile(fileName, detected.ContentType, buffer.ToArray()), null);
    }

    private sealed record LicenceFile(string FileName, string ContentType, byte[] Content);
}
