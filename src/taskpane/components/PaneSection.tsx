/** A titled section below the results (writing back, the summary sheet), named for screen readers by its title. */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { fontWeight: tokens.fontWeightSemibold },
});

export function PaneSection({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Text size={300} className={styles.title}>
        {title}
      </Text>
      {children}
    </section>
  );
}
