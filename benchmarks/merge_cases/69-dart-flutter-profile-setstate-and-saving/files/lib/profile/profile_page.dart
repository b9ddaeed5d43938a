import 'package:flutter/material.dart';
import 'profile_api.dart';

class ProfilePage extends StatefulWidget {
  const ProfilePage({super.key, required this.userId});
  final String userId;

  @override
  State<ProfilePage> createState() => _ProfilePageState();
}

class _ProfilePageState extends State<ProfilePage> {
  final _name = TextEditingController();
  Profile? _profile;
  bool _saving = false;

  @override
  void initState() {
    super.initState();
    _load();
  }

  Future<void> _load() async {
    final profile = await ProfileApi.fetch(widget.userId);
    setState(() {
      _profile = profile;
      _name.text = profile.name;
    });
  }

  Future<void> _save() async {
    _saving = true;
    await ProfileApi.update(widget.userId, _name.text);
    setState(() => _saving = false);
  }

  @override
  Widget build(BuildContext context) {
    if (_profile == null) return const CircularProgressIndicator();
    return Column(children: [
      TextField(controller: _name),
      ElevatedButton(
        onPressed: _saving ? null : _save,
        child: const Text('Save'),
      ),
    ]);
  }
}
