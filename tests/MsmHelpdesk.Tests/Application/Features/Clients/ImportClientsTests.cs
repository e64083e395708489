using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MsmHelpdesk.Application.Common.Results;
using MsmHelpdesk.Application.Common.Security;
using MsmHelpdesk.Application.Features.Clients;
using MsmHelpdesk.Domain.Users;
using MsmHelpdesk.Tests.Support;

namespace MsmHelpdesk.Tests.Application.Features.Clients;

public sealed class ImportClientsTests
{
    private const string Header = "name,npwp,nitku,kpp,pkp_since,certificate_issued_on,certificate_expires_on,coretax_expires_on,contact_name,contact_phone,contact_email";
    private static readonly UserIdentity Consultant = TestCurrentUser.With("consultant-1", Roles.Consultant);

    public ImportClientsTests() => CultureInfo.CurrentUICulture = new CultureInfo("id-ID");

    private static Task<Result<ClientImportReport>> ImportAsync(TestApp app, string csv) =>
        app.SendAsync(Consultant, new ImportClientsCommand { Content = Encoding.UTF8.GetBytes(csv) });

    [Fact]
    public async Task ShouldImportGoodRowsAndReportEveryBadRowWithItsLineAndReason()
    {
        await using var app = await StartAsync();
        var csv = string.Join("\n",
            Header,
            "PT Sinar Jaya Abadi,01.234.567.4-018.000,,KPP Pratama Jakarta Setiabudi Satu,2012-03-01,2024-05-14,,,Rina Kusuma,0812-3456-7890,",
            "PT Salah Digit,01.234.567.5-018.000,,,,,,,,,",
            ",02.187.654.5-062.000,,,,,,,,,",
            "PT Tanggal Salah,03.111.222.0-615.000,,,31/03/2019,2025-13-01,,,,,",
            "PT Kontak Salah,01.765.432.8-402.000,,,,,,,Budi,12345,bukan-email",
            "PT Nitku Salah,02.555.111.0-441.000,0099999999999999000000,,,,,,,,",
            "PT Maju, Jaya,01.998.877.3-901.000,,,,,,,,,",
            "PT Kembar,01.234.567.4-018.000,,,,,,,,,",
            "\"PT Kutip\" Salah,03.456.789.1-111.000,,,,,,,,,",
            "PT Terbalik,02.020.202.4-222.000,,,,2025-01-01,2024-01-01,,,,",
            "PT Rahasia,01.998.877.3-902.000,,passphrase: Rahasia123,,,,,,,",
            "PT Cahaya Medika Indonesia,0019988773901000,,,,,,,,,");

        var result = await ImportAsync(app, csv);

        Assert.True(result.IsSuccess);
        var report = result.Value;
        Assert.Equal((2, 0, 0, 10), (report.Created, report.Updated, report.Unchanged, report.Failed));
        Assert.Equal(
        [
            new(3, "npwp: Digit kontrol NPWP (digit ke-9) tidak cocok; periksa kembali nomornya."),
            new(4, "name: Wajib diisi."),
            new(5, "pkp_since: Tanggal \"31/03/2019\" tidak dikenali; tulis yyyy-mm-dd, contoh 2025-03-31. | "
                + "certificate_issued_on: Tanggal \"2025-13-01\" tidak dikenali; tulis yyyy-mm-dd, contoh 2025-03-31."),
            new(6, "contact_phone: Nomor telepon tidak valid, contoh: 0812-3456-7890 atau +62 812 3456 7890. | "
                + "contact_email: Format e-mail tidak valid, contoh: nama@kantor.co.id."),
            new(7, "nitku: NITKU harus 22 digit: NPWP 16 digit klien diikuti 6 digit tempat usaha."),
            new(8, "Baris ini berisi 12 kolom, baris judul hanya 11; nilai yang memuat koma atau titik koma harus diapit tanda kutip."),
            new(9, "npwp: NPWP yang sama sudah ada di baris 2; satu klien cukup satu baris."),
            new(10, "Ada teks setelah tanda kutip penutup; tanda kutip di dalam nilai harus digandakan (\"\")."),
            new(11, "certificate_expires_on: Tanggal kedaluwarsa harus sesudah tanggal terbit."),
            new(12, "kpp: Teks ini tampak memuat passphrase atau kata sandi. Klik Samarkan lalu simpan: passphrase tidak boleh disimpan di helpdesk."),
        ], report.Problems);
        Assert.Empty(report.Warnings);
        var saved = await app.QueryDbAsync(db => db.Clients.OrderBy(c => c.Name).Select(c => c.Name).ToListAsync());
        Assert.Equal(["PT Cahaya Medika Indonesia", "PT Sinar Jaya Abadi"], saved);
    }

    [Fact]
    public async Task ShouldSaveEveryFieldOfAGoodRowWithItsContact()
    {
        await using var app = await StartAsync();

        await ImportAsync(app, File.ReadAllText(SamplePath));

        var client = await app.QueryDbAsync(db => db.Clients.Include(c => c.Contacts).SingleAsync(c => c.Npwp == "0012345674018000"));
        Assert.Equal("PT Sinar Jaya Abadi", client.Name);
        Assert.Equal("0012345674018000000000", client.Nitku);
        Assert.Equal("KPP Pratama Jakarta Setiabudi Satu", client.Kpp);
        Assert.Equal(new DateOnly(2012, 3, 1), client.PkpSince);
        Assert.Equal(new DateOnly(2024, 5, 14), client.CertificateIssuedOn);
        Assert.Equal(new DateOnly(2026, 5, 14), client.CertificateExpiresOn);
        Assert.Equal(new DateOnly(2026, 9, 30), client.CoretaxExpiresOn);
        var contact = Assert.Single(client.Contacts);
        Assert.Equal(("Rina Kusuma", "6281234567890", "rina.kusuma@sinarjaya.co.id"), (contact.Name, contact.Phone, contact.Email));
    }

    [Fact]
    public async Task ShouldReadQuotedNamesWithCommasQuotesAndLineBreaks()
    {
        await using var app = await StartAsync();
        var csv = "name,npwp\n\"PT Maju, Sejahtera\",02.187.654.5-062.000\n\"CV Karya \"\"Mandiri\"\"\",03.111.222.0-615.000\n"
            + "\"PT Dua\nBaris\",01.765.432.8-402.000\nPT Rusak,01.234.567.5-018.000\n";

        var report = (await ImportAsync(app, csv)).Value;

        Assert.Equal(3, report.Created);
        Assert.Equal(6, Assert.Single(report.Problems).Line);
        var names = await app.QueryDbAsync(db => db.Clients.OrderBy(c => c.Npwp).Select(c => c.Name).ToListAsync());
        Assert.Equal(["PT Dua\nBaris", "PT Maju, Sejahtera", "CV Karya \"Mandiri\""], names);
    }

    [Fact]
    public async Task ShouldReadASemicolonFileWithAByteOrderMarkAndWindowsLineEndings()
    {
        await using var app = await StartAsync();
        var csv = "NAME;NPWP;Contact Name;Contact Phone\r\n\"PT Maju; Jaya\";02.187.654.5-062.000;Budi;0812 1111 2222\r\nPT Sinar;01.234.567.4-018.000;;\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var report = (await app.SendAsync(Consultant, new ImportClientsCommand { Content = bytes })).Value;

        Assert.Equal((2, 0), (report.Created, report.Failed));
        Assert.True(await app.QueryDbAsync(db => db.Clients.AnyAsync(c => c.Name == "PT Maju; Jaya")));
    }

    [Fact]
    public async Task ShouldCreateNoDuplicatesWhenTheSameFileIsImportedTwice()
    {
        await using var app = await StartAsync();
        var csv = File.ReadAllText(SamplePath);

        var first = (await ImportAsync(app, csv)).Value;
        var second = (await ImportAsync(app, csv)).Value;

        Assert.Equal((6, 0, 0, 0), (first.Created, first.Updated, first.Unchanged, first.Failed));
        Assert.Equal((0, 0, 6, 0), (second.Created, second.Updated, second.Unchanged, second.Failed));
        Assert.Equal(6, await app.QueryDbAsync(db => db.Clients.CountAsync()));
        Assert.Equal(4, await app.QueryDbAsync(db => db.Contacts.CountAsync()));
    }

    [Fact]
    public async Task ShouldUpdateOnlyTheFieldsARowGivesForAnExistingNpwp()
    {
        await using var app = await StartAsync();
        var created = await app.SendAsync(Consultant, new CreateClientCommand
        {
            Name = "PT Sinar Jaya",
            Npwp = "0012345674018000",
            Kpp = "KPP Pratama Jakarta Setiabudi Satu",
            PkpSince = new DateOnly(2012, 3, 1),
            CertificateIssuedOn = new DateOnly(2022, 1, 10),
            CertificateExpiresOn = new DateOnly(2024, 1, 10),
            PassphraseCustodian = "Hendra Wijaya",
        });

        var report = (await ImportAsync(app, "npwp,name,kpp,certificate_issued_on\n01.234.567.4-018.000,PT Sinar Jaya Abadi,,2024-05-14\n")).Value;

        Assert.Equal((0, 1, 0), (report.Created, report.Updated, report.Unchanged));
        var client = (await app.SendAsync(Consultant, new GetClientQuery(created.Value))).Value;
        Assert.Equal("PT Sinar Jaya Abadi", client.Name);
        Assert.Equal("KPP Pratama Jakarta Setiabudi Satu", client.Kpp);
        Assert.Equal(new DateOnly(2012, 3, 1), client.PkpSince);
        Assert.Equal("Hendra Wijaya", client.PassphraseCustodian);
        Assert.Equal(new DateOnly(2024, 5, 14), client.CertificateIssuedOn);
        Assert.Null(client.CertificateExpiresOnEntered);
        Assert.Equal(new DateOnly(2026, 5, 14), client.CertificateExpiresOn);
    }

    [Fact]
    public async Task ShouldReuseAContactWithTheSamePhoneOrEmailAndLinkItToEveryClient()
    {
        await using var app = await StartAsync();
        var existing = await app.SendAsync(Consultant, new CreateClientCommand { Name = "PT Lama", Npwp = "01.765.432.8-402.000" });
        var contactId = (await app.SendAsync(Consultant, new AddClientContactCommand { ClientId = existing.Value, Name = "Rina", Email = "rina@pajak.co.id" })).Value;
        var csv = "name,npwp,contact_name,contact_phone,contact_email\n"
            + "PT Satu,01.234.567.4-018.000,Rina Kusuma,0812-3456-7890,rina@pajak.co.id\n"
            + "PT Dua,02.187.654.5-062.000,Bu Rina,+62 812 3456 7890,\n"
            + "PT Lama,01.765.432.8-402.000,Rina K.,,rina@pajak.co.id\n";

        var report = (await ImportAsync(app, csv)).Value;

        Assert.Equal((2, 0, 1), (report.Created, report.Updated, report.Unchanged));
        var contact = await app.QueryDbAsync(db => db.Contacts.Include(c => c.Clients).SingleAsync());
        Assert.Equal(contactId, contact.Id);
        Assert.Equal(("Rina", "6281234567890", "rina@pajak.co.id"), (contact.Name, contact.Phone, contact.Email));
        Assert.Equal(["PT Dua", "PT Lama", "PT Satu"], contact.Clients.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task ShouldRefuseTheWholeFileWhenTheNameOrNpwpColumnIsMissing()
    {
        await using var app = await StartAsync();

        var result = await ImportAsync(app, "nama,nomor\nPT Sinar,01.234.567.4-018.000\n");

        Assert.False(result.IsSuccess);
        Assert.Equal(
            ["Baris judul tidak memuat kolom wajib: name, npwp. Baris pertama berkas harus berisi nama kolom, misalnya name,npwp."],
            result.Error.FieldErrors[nameof(ImportClientsCommand.Content)]);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task ShouldWarnOnceAboutUnknownColumnsAndImportTheRest()
    {
        await using var app = await StartAsync();

        var report = (await ImportAsync(app, "name,npwp,alamat,Telepon Kantor\nPT A,01.234.567.4-018.000,Jl. Sudirman,021\nPT B,02.187.654.5-062.000,,\n")).Value;

        Assert.Equal(2, report.Created);
        Assert.Equal(["Kolom tidak dikenal diabaikan: alamat, Telepon Kantor."], report.Warnings);
    }

    [Fact]
    public async Task ShouldRefuseAFileWithMoreRowsThanTheLimit()
    {
        await using var app = await StartAsync();
        var csv = new StringBuilder("name,npwp\n");
        for (var i = 0; i <= ImportClientsCommand.MaxRows; i++)
        {
            csv.Append("PT A,01.234.567.4-018.000\n");
        }

        var result = await ImportAsync(app, csv.ToString());

        Assert.False(result.IsSuccess);
        Assert.Equal(["Berkas memuat lebih dari 20000 baris data; bagi menjadi beberapa berkas."], result.Error.FieldErrors[nameof(ImportClientsCommand.Content)]);
    }

    [Fact]
    public async Task ShouldRefuseAFileOverFiveMegabytesAndAnEmptyOne()
    {
        await using var app = await StartAsync();

        var large = await app.SendAsync(Consultant, new ImportClientsCommand { Content = new byte[ImportClientsCommand.MaxFileBytes + 1] });
        var empty = await app.SendAsync(Consultant, new ImportClientsCommand());

        Assert.Equal(["Berkas terlalu besar; maksimal 5 MB. Bagi menjadi beberapa berkas."], large.Error!.FieldErrors[nameof(ImportClientsCommand.Content)]);
        Assert.Equal(["Berkas kosong; pilih berkas CSV berisi data klien."], empty.Error!.FieldErrors[nameof(ImportClientsCommand.Content)]);
    }

    [Fact]
    public async Task ShouldRefuseAFileThatIsNotText()
    {
        await using var app = await StartAsync();

        var result = await app.SendAsync(Consultant, new ImportClientsCommand { Content = [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00] });

        Assert.StartsWith("Berkas ini bukan teks CSV.", result.Error!.FieldErrors[nameof(ImportClientsCommand.Content)][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShouldGiveReasonsInTheLanguageOfTheUser()
    {
        await using var app = await StartAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        var report = (await ImportAsync(app, "name,npwp\nPT Salah,01.234.567.5-018.000\n")).Value;

        Assert.Equal("npwp: The NPWP check digit (the 9th) does not match; check the number again.", Assert.Single(report.Problems).Reason);
    }

    private static string SamplePath => TestPaths.InRepository("tests", "MsmHelpdesk.Tests", "Fixtures", "clients-sample.csv");

    private static Task<TestApp> StartAsync() => TestApp.StartAsync();
}
