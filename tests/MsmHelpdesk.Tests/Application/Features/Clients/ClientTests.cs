using System.Globalization;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Domain.Clients;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Clients;

public sealed class ClientTests
{
    public ClientTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    [Fact]
    public async Task ShouldRegisterAClientWithCertificateExpiryDerivedFromIssue()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var created = await app.SendAsync(budi, new CreateClientCommand
        {
            Name = "PT Sinar Terang Abadi",
            Npwp = "012345674901000",
            Nitku = "0012345674901000000000",
            Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            Channel = EFakturChannel.Desktop4,
            CertificateIssuedOn = new DateOnly(2024, 12, 1),
            PassphraseCustodian = "Ibu Ani (Finance)",
            Officers = [new OfficerInput { Name = "Hendra Wijaya", Position = "Direktur" }],
        });
        var client = (await app.SendAsync(budi, new GetClientQuery(created.Value))).Value;

        Assert.Equal("01.234.567.4-901.000", client.NpwpFormatted);
        Assert.Equal(new DateOnly(2026, 12, 1), client.CertificateExpiresOn);
        Assert.Equal("Hendra Wijaya", Assert.Single(client.Officers).Name);
        Assert.Equal("Ibu Ani (Finance)", client.PassphraseCustodian);
    }

    [Theory]
    [InlineData("01.234.567.5-901.000", "Digit kontrol NPWP (digit ke-9) tidak cocok; periksa kembali nomornya.")]
    [InlineData("1234", "NPWP harus 15 atau 16 digit.")]
    [InlineData("01.234.567.4-901.00X", "NPWP hanya boleh berisi angka (titik dan tanda hubung boleh).")]
    [InlineData("", "Wajib diisi.")]
    public async Task ShouldRefuseAnInvalidNpwpWithAClearMessage(string npwp, string message)
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var result = await app.SendAsync(budi, new CreateClientCommand { Name = "PT Salah Ketik", Npwp = npwp });

        Assert.Equal([message], result.Error!.FieldErrors["Npwp"]);
        Assert.Equal(0, (await app.SendAsync(budi, new ListClientsQuery())).Value.TotalCount);
    }

    [Fact]
    public async Task ShouldRefuseTheSameTaxpayerTwiceInEitherForm()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        await Seed.ClientAsync(app, budi, "PT Maju Jaya", "01.234.567.4-901.000");

        var again = await app.SendAsync(budi, new CreateClientCommand { Name = "PT Maju Jaya Baru", Npwp = "0012345674901000" });

        Assert.Equal(["NPWP ini sudah terdaftar untuk klien PT Maju Jaya."], again.Error!.FieldErrors["Npwp"]);
    }

    [Fact]
    public async Task ShouldRefuseANitkuOfAnotherTaxpayerAndAPassphraseAsCustodian()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);

        var result = await app.SendAsync(budi, new CreateClientCommand
        {
            Name = "PT Maju Jaya",
            Npwp = Seed.ValidNpwp,
            Nitku = "0021234562011001000000",
            PassphraseCustodian = "Rahasia2024",
            CertificateIssuedOn = new DateOnly(2025, 1, 1),
            CertificateExpiresOn = new DateOnly(2024, 1, 1),
        });

        Assert.True(result.Error!.FieldErrors.ContainsKey("Nitku"));
        Assert.Equal(["Isi nama pemegang passphrase, bukan passphrase-nya."], result.Error.FieldErrors["PassphraseCustodian"]);
        Assert.Equal(["Tanggal kedaluwarsa harus sesudah tanggal terbit."], result.Error.FieldErrors["CertificateExpiresOn"]);
    }

    [Fact]
    public async Task ShouldRefuseAnUpdateBasedOnAnOlderVersion()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var id = await Seed.ClientAsync(app, budi);
        var loaded = (await app.SendAsync(budi, new GetClientQuery(id))).Value;

        var first = await app.SendAsync(budi, new UpdateClientCommand { ClientId = id, ExpectedVersion = loaded.Version, Name = "PT Maju Jaya Tbk", Npwp = loaded.Npwp });
        var second = await app.SendAsync(budi, new UpdateClientCommand { ClientId = id, ExpectedVersion = loaded.Version, Name = "PT Maju Jaya Lama", Npwp = loaded.Npwp });

        Assert.True(first.IsSuccess);
        Assert.Equal("client-changed", second.Error!.Code);
        Assert.Equal("PT Maju Jaya Tbk", (await app.SendAsync(budi, new GetClientQuery(id))).Value.Name);
    }

    [Fact]
    public async Task ShouldFindClientsByNameOrNpwpDigits()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        await Seed.ClientAsync(app, budi, "PT Maju Jaya", Seed.ValidNpwp);
        await Seed.ClientAsync(app, budi, "CV Sentosa Makmur", Seed.OtherNpwp);

        var byName = await app.SendAsync(budi, new ListClientsQuery { Search = "sentosa" });
        var byNpwp = await app.SendAsync(budi, new ListClientsQuery { Search = "01.234.567" });

        Assert.Equal(["CV Sentosa Makmur"], byName.Value.Items.Select(c => c.Name));
        Assert.Equal(["PT Maju Jaya"], byNpwp.Value.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task ShouldShareOneContactBetweenClients()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var first = await Seed.ClientAsync(app, budi, "PT Maju Jaya", Seed.ValidNpwp);
        var second = await Seed.ClientAsync(app, budi, "CV Sentosa Makmur", Seed.OtherNpwp);

        var a = await app.SendAsync(budi, new AddClientContactCommand { ClientId = first, Name = "Ani", Phone = "0812-3456-7890" });
        var b = await app.SendAsync(budi, new AddClientContactCommand { ClientId = second, Name = "Ani Lestari", Phone = "+62 812 3456 7890" });
        var bad = await app.SendAsync(budi, new AddClientContactCommand { ClientId = second, Name = "X", Phone = "123" });

        Assert.Equal(a.Value, b.Value);
        Assert.Equal("6281234567890", Assert.Single((await app.SendAsync(budi, new GetClientQuery(first))).Value.Contacts).Phone);
        Assert.Equal(ErrorKind.Validation, bad.Error!.Kind);
        Assert.True(bad.Error.FieldErrors.ContainsKey("Phone"));
    }

    [Fact]
    public async Task ShouldUnlinkAContactFromOneClientButKeepItForTheOther()
    {
        await using var app = await TestApp.StartAsync();
        var budi = await Seed.ConsultantAsync(app);
        var first = await Seed.ClientAsync(app, budi, "PT Maju Jaya", Seed.ValidNpwp);
        var second = await Seed.ClientAsync(app, budi, "CV Sentosa Makmur", Seed.OtherNpwp);
        var ani = (await app.SendAsync(budi, new AddClientContactCommand { ClientId = first, Name = "Ani", Email = "ani@pajak.co.id" })).Value;
        await app.SendAsync(budi, new AddClientContactCommand { ClientId = second, Name = "Ani", Email = "ani@pajak.co.id" });

        var removed = await app.SendAsync(budi, new RemoveClientContactCommand { ClientId = first, ContactId = ani });
        var unknownClient = await app.SendAsync(budi, new RemoveClientContactCommand { ClientId = Guid.NewGuid(), ContactId = ani });

        Assert.True(removed.IsSuccess);
        Assert.Empty((await app.SendAsync(budi, new GetClientQuery(first))).Value.Contacts);
        Assert.Equal(ani, Assert.Single((await app.SendAsync(budi, new GetClientQuery(second))).Value.Contacts).Id);
        Assert.Equal(ErrorKind.NotFound, unknownClient.Error!.Kind);
    }
}
