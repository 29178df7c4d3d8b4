import { describe, expect, it } from 'vitest';
import { editorArgs, editorCommand } from './editor';

describe('the editor kubectl edit runs', () => {
  it('takes KUBE_EDITOR, then EDITOR, then vi', () => {
    expect(editorCommand({ KUBE_EDITOR: 'nano', EDITOR: 'vim' }).args).toEqual(['nano']);
    expect(editorCommand({ EDITOR: 'vim' }).args).toEqual(['vim']);
    expect(editorCommand({}).args).toEqual(['vi']);
  });

  it('splits a plain command at spaces and hands the file as one more argument', () => {
    const editor = editorCommand({ KUBE_EDITOR: 'code --wait' });
    expect(editor).toEqual({ args: ['code', '--wait'], shell: false });
    expect(editorArgs(editor, '/tmp/kubectl-edit-1.yaml')).toEqual(['code', '--wait', '/tmp/kubectl-edit-1.yaml']);
  });

  it('runs a command with quotes through $SHELL -c, the file quoted at the end of the script', () => {
    const editor = editorCommand({ KUBE_EDITOR: "sed -i 's/a/b/'", SHELL: '/bin/bash' });
    expect(editor).toEqual({ args: ['/bin/bash', '-c', "sed -i 's/a/b/'"], shell: true });
    expect(editorArgs(editor, '/tmp/x y.yaml')).toEqual(['/bin/bash', '-c', `sed -i 's/a/b/' "/tmp/x y.yaml"`]);
  });
});
