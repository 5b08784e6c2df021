/**
 * The pane's header: the rule in effect, 元に戻す, and a menu with the language switch.
 * It stays at the top of the pane (sticky) so that undo is at hand after writing from
 * far down a long list. Office's own title bar already shows the add-in's name and
 * icon above the pane, so the header does not repeat them (Microsoft's add-in design
 * guidance); the name stays as the page's heading for screen readers only.
 */
import {
  Button,
  makeStyles,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuDivider,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { LocalLanguage20Regular, MoreVertical20Regular } from '@fluentui/react-icons';
import { forwardRef, type ReactNode } from 'react';
import { useT, type Lang } from '../i18n';

const useStyles = makeStyles({
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '44px',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  // The page's heading for assistive technology; Office's title bar shows it to the eye.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  rule: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
});

export interface HeaderProps {
  readonly ruleName: string;
  /** Buttons shown at the right, before the menu (元に戻す). */
  readonly actions?: ReactNode;
  /** Commands at the top of the menu, above the language choice (この範囲をKPIの表として読む). */
  readonly menuCommands?: ReactNode;
}

export const Header = forwardRef<HTMLElement, HeaderProps>(function Header({ ruleName, actions, menuCommands }, ref) {
  const { t, lang, setLang } = useT();
  const styles = useStyles();
  return (
    <header ref={ref} className={styles.header}>
      <div className={styles.titles}>
        <h1 className={styles.visuallyHidden}>{t('appTitle')}</h1>
        <Text size={200} className={styles.rule} title={ruleName}>
          {t('activeRule', { name: ruleName })}
        </Text>
      </div>
      <div className={styles.actions}>
        {actions}
        <Menu
          checkedValues={{ lang: [lang] }}
          onCheckedValueChange={(_, data) => {
            const next = data.checkedItems[0];
            if (next === 'ja' || next === 'en') setLang(next as Lang);
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle" icon={<MoreVertical20Regular />} aria-label={t('menu')} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {menuCommands && (
                <>
                  {menuCommands}
                  <MenuDivider />
                </>
              )}
              <MenuGroup>
                <MenuGroupHeader>
                  <LocalLanguage20Regular aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                  {t('language')}
                </MenuGroupHeader>
                <MenuItemRadio name="lang" value="ja" lang="ja">
                  {t('langJa')}
                </MenuItemRadio>
                <MenuItemRadio name="lang" value="en" lang="en">
                  {t('langEn')}
                </MenuItemRadio>
              </MenuGroup>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
    </header>
  );
});
