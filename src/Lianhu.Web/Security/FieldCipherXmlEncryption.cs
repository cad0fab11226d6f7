using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Lianhu.Web.Security;

/// <summary>
/// Encrypts the data-protection key ring (stored in the database, ADR 0003) with the field-encryption
/// key ring kept outside it, so a copy of the database alone cannot forge sign-in cookies or bearer tokens.
/// </summary>
public sealed class FieldCipherXmlEncryptor(FieldCipher cipher) : IXmlEncryptor
{
    internal const string Purpose = "data-protection.key";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedValue = cipher.Seal(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose);
        var element = new XElement("encryptedKey", new XComment(" sealed with the Lianhu field-encryption key ring "), new XElement("value", sealedValue));
        return new EncryptedXmlInfo(element, typeof(FieldCipherXmlDecryptor));
    }
}

/// <summary>Reverses <see cref="FieldCipherXmlEncryptor"/>; created by the data-protection system with the service provider.</summary>
public sealed class FieldCipherXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = (string?)encryptedElement.Element("value") ?? throw new InvalidOperationException("The encrypted key has no value.");
        return XElement.Parse(services.GetRequiredService<FieldCipher>().Open(value, FieldCipherXmlEncryptor.Purpose));
    }
}
